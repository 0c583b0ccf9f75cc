import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { chain, type Step } from './chain';

const event = () => ({ url: new URL('http://x/a'), locals: {} }) as unknown as RequestEvent;
const call = (handle: ReturnType<typeof chain>, e: RequestEvent, seen: string[]) =>
	handle({
		event: e,
		resolve: async (last) => {
			seen.push(`resolve:${String((last.locals as { tag?: string }).tag)}`);
			return new Response('page');
		}
	});

describe('chain', () => {
	it('runs the steps outermost first, each around the next, then SvelteKit’s resolve', async () => {
		const seen: string[] = [];
		const step =
			(name: string): Step =>
			async (e, next) => {
				seen.push(`${name}:in`);
				const response = await next(e);
				seen.push(`${name}:out`);
				response.headers.append('x-steps', name);
				return response;
			};
		const response = await call(chain(step('a'), step('b')), event(), seen);
		expect(seen).toEqual(['a:in', 'b:in', 'resolve:undefined', 'b:out', 'a:out']);
		expect(response.headers.get('x-steps')).toBe('b, a');
	});

	it('lets a step answer without going further, and hands on what a step changed', async () => {
		const seen: string[] = [];
		const tag: Step = async (e, next) => {
			(e.locals as { tag?: string }).tag = 'tagged';
			return next(e);
		};
		const refuse: Step = async (e, next) =>
			e.url.pathname === '/no' ? new Response('refused', { status: 403 }) : next(e);
		const handle = chain(tag, refuse);
		expect((await call(handle, event(), seen)).status).toBe(200);
		expect(seen).toEqual(['resolve:tagged']);
		const refused = await call(
			handle,
			{ ...event(), url: new URL('http://x/no') } as RequestEvent,
			seen
		);
		expect(refused.status).toBe(403);
		expect(seen).toEqual(['resolve:tagged']);
	});
});
