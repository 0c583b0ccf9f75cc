import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { setSessionTokenCookie } from './session';

function fakeEvent(url: string) {
	const calls: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const event = {
		url: new URL(url),
		cookies: {
			set: (name: string, value: string, options: Record<string, unknown>) =>
				calls.push({ name, value, options })
		}
	} as unknown as RequestEvent;
	return { event, calls };
}

describe('setSessionTokenCookie', () => {
	it('is Secure, HttpOnly, SameSite=Lax on a real origin', () => {
		const { event, calls } = fakeEvent('https://gapwise.example/login');
		const expires = new Date('2026-02-01T00:00:00Z');
		setSessionTokenCookie(event, 'token', expires);
		expect(calls[0]!.options).toEqual({
			expires,
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: true
		});
	});
	it('is Secure on plain http to any host but localhost', () => {
		const { event, calls } = fakeEvent('http://192.168.1.20:3000/login');
		setSessionTokenCookie(event, 'token', new Date());
		expect(calls[0]!.options.secure).toBe(true);
	});
	it('drops Secure only for plain-http localhost, where browsers allow it', () => {
		const { event, calls } = fakeEvent('http://localhost:3000/login');
		setSessionTokenCookie(event, 'token', new Date());
		expect(calls[0]!.options.secure).toBe(false);
	});
});
