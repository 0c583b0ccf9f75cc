import type { QueueData } from '$lib/client/types';
import type { PageLoad } from './$types';

export type QueueProblem = 'offline' | 'auth' | 'server';

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
