// The app's server hooks as one `handle`, each step calling the next.
//
// SvelteKit's `sequence` wraps every step in a tracing span, a copy of the event and an
// AsyncLocalStorage scope of its own. SvelteKit already gives `handle` one scope and one
// traced event, and this app records no spans, so for six steps that was six times the work
// of one on every request — the review sync's hot path among them. A step here cannot pass
// `resolve` options (transformPageChunk, …): none needs any, and the type keeps it so.
import type { Handle, RequestEvent } from '@sveltejs/kit';

export type Next = (event: RequestEvent) => Promise<Response>;
export type Step = (event: RequestEvent, next: Next) => Promise<Response>;

/** One `handle` running `steps` outermost first, the last one's `next` being SvelteKit's. */
export function chain(...steps: Step[]): Handle {
	return ({ event, resolve }) => {
		const run = async (i: number, current: RequestEvent): Promise<Response> =>
			i < steps.length ? steps[i]!(current, (e) => run(i + 1, e)) : resolve(current);
		return run(0, event);
	};
}
