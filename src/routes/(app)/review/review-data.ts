import type { QueueData } from '$lib/client/types';

export type QueueProblem = 'offline' | 'auth' | 'server';

/** What the review screen starts from, on the server, in SvelteKit's client and in the island. */
export interface ReviewData {
	username: string;
	queue: QueueData | null;
	problem: QueueProblem | null;
}

/** The element the island mounts the screen into, and the one that carries its data. */
export const ROOT_ID = 'review-root';
export const DATA_ID = 'review-data';

/**
 * The data as a `<script type="application/json">` element. Every `<` in it is escaped, so no
 * card's HTML can close the element or open a comment in it; JSON.parse reads it back as is.
 */
export function dataElement(data: ReviewData): string {
	const json = JSON.stringify(data).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${DATA_ID}">${json}</script>`;
}
