import type { QueueData } from '$lib/client/types';
import type { QueueProblem } from './review-data';
import type { PageLoad } from './$types';

// A page loaded from the address bar (or a reminder) runs without SvelteKit's client: the
// server's HTML starts a small island of its own (island.ts), half the JavaScript. Reached by
// a tap inside the app, SvelteKit's client (already loaded) renders it as any other page.
export const csr = false;

// Universal load: on the server it renders the first card into the HTML; in the browser,
// offline, the fetch fails (or the service worker answers from its cache) and the page
// falls back to the queue saved on the device.
export const load: PageLoad = async ({ fetch }) => {
	try {
		const response = await fetch('/api/queue', { headers: { accept: 'application/json' } });
		if (response.ok) return { queue: (await response.json()) as QueueData, problem: null };
		const problem: QueueProblem = response.status === 401 ? 'auth' : 'server';
		return { queue: null, problem };
	} catch {
		return { queue: null, problem: 'offline' as QueueProblem };
	}
};
