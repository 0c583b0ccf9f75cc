// A queue from the server (or a cached copy of one) does not know about actions this device
// has not synced yet, nor, when it is a stale copy, about those it synced since. This drops
// the cards those actions already dealt with and counts them as done.
import type { JournalEntry } from './journal';
import type { QueueCard, QueueData } from './types';

/** Client and server clocks differ a little; an action this close to the queue counts as after it. */
const SKEW_MS = 5 * 60_000;

export interface Reconciled {
	cards: QueueCard[];
	done: number;
}

export function reconcile(queue: QueueData, entries: JournalEntry[]): Reconciled {
	const generatedAt = Date.parse(queue.generatedAt);
	const unseen = (entry: JournalEntry) =>
		entry.state === 'pending' ||
		!Number.isFinite(generatedAt) ||
		entry.createdAt > generatedAt - SKEW_MS;
	const inQueue = new Set(queue.cards.map((card) => card.id));
	const handled = new Set<string>();
	let done = queue.doneToday;
	for (const entry of entries) {
		if (entry.kind === 'undo' || !unseen(entry)) continue;
		handled.add(entry.cardId);
		// The server counted synced reviews already, unless this copy of the queue predates them.
		const counted = entry.state === 'synced' && !inQueue.has(entry.cardId);
		if (entry.kind === 'review' && !counted) done += 1;
	}
	return { cards: queue.cards.filter((card) => !handled.has(card.id)), done };
}
