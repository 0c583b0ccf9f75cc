// The device's journal of review actions, kept in IndexedDB. A `pending` entry is the outbox:
// it leaves only when the server acknowledges its id. `synced` entries are kept for two days
// so a stale cached queue can be corrected and a synced rating can still be undone.
import { STORES, promised, transact } from './idb';
import type { Rating } from './types';

interface EntryBase {
	/** Made on the client: the server recognises a retried upload by this id. */
	id: string;
	/** Username the action belongs to: another account's session never sends it. */
	user: string;
	state: 'pending' | 'synced';
	cardId: string;
	/** Client clock, ms: orders the outbox and ages synced entries out. */
	createdAt: number;
}
export interface ReviewEntry extends EntryBase {
	kind: 'review';
	rating: Rating;
	reviewedAt: string;
	durationMs: number;
	/** When this rating sends the card back, as the device worked it out (counts only). */
	due?: string;
}
export interface UndoEntry extends EntryBase {
	kind: 'undo';
	reviewId: string;
	/** When the undone review was made: it stops counting for that day. */
	reviewedAt?: string;
}
export interface CardActionEntry extends EntryBase {
	kind: 'bury' | 'suspend';
}
export type JournalEntry = ReviewEntry | UndoEntry | CardActionEntry;

const KEEP_SYNCED_MS = 48 * 3600_000;
const { journal } = STORES;

export function record(entry: JournalEntry): Promise<void> {
	return transact([journal], 'readwrite', async (tx) => {
		await promised(tx.objectStore(journal).put(entry));
	});
}

function byState(tx: IDBTransaction, user: string, state: JournalEntry['state']) {
	const index = tx.objectStore(journal).index('user_state');
	return promised(index.getAll(IDBKeyRange.only([user, state])) as IDBRequest<JournalEntry[]>);
}

/** The outbox of one user, oldest first. */
export function pendingFor(user: string): Promise<JournalEntry[]> {
	return transact([journal], 'readonly', async (tx) =>
		(await byState(tx, user, 'pending')).sort((a, b) => a.createdAt - b.createdAt)
	);
}

export function countPending(user: string): Promise<number> {
	return transact([journal], 'readonly', (tx) =>
		promised(
			tx
				.objectStore(journal)
				.index('user_state')
				.count(IDBKeyRange.only([user, 'pending']))
		)
	);
}

/** Every action of one user this device still remembers, pending or synced. */
export function entriesFor(user: string): Promise<JournalEntry[]> {
	return transact([journal], 'readonly', async (tx) => [
		...(await byState(tx, user, 'pending')),
		...(await byState(tx, user, 'synced'))
	]);
}

/** Acknowledged by the server: undo entries are done; the rest are kept a while as history. */
export function acknowledge(ids: string[]): Promise<void> {
	return transact([journal], 'readwrite', async (tx) => {
		const store = tx.objectStore(journal);
		for (const id of ids) {
			const entry = (await promised(store.get(id))) as JournalEntry | undefined;
			if (!entry) continue;
			if (entry.kind === 'undo') store.delete(id);
			else store.put({ ...entry, state: 'synced' });
		}
	});
}

export function remove(ids: string[]): Promise<void> {
	return transact([journal], 'readwrite', async (tx) => {
		for (const id of ids) tx.objectStore(journal).delete(id);
	});
}

/**
 * Undoes a rating on this device. A review still in the outbox is simply dropped (the server
 * never hears of it); one the server has is replaced by a pending undo for the server.
 * One transaction, so a flush can never send a half-undone state.
 */
export function undoReview(
	user: string,
	reviewId: string,
	undoId: string,
	now: number
): Promise<'dropped' | 'queued' | 'unknown'> {
	return transact([journal], 'readwrite', async (tx) => {
		const store = tx.objectStore(journal);
		const entry = (await promised(store.get(reviewId))) as JournalEntry | undefined;
		store.delete(reviewId);
		if (entry?.kind === 'review' && entry.state === 'pending') return 'dropped';
		const undo: UndoEntry = {
			id: undoId,
			user,
			state: 'pending',
			kind: 'undo',
			cardId: entry?.cardId ?? '',
			reviewId,
			...(entry?.kind === 'review' ? { reviewedAt: entry.reviewedAt } : {}),
			createdAt: now
		};
		store.put(undo);
		return entry ? 'queued' : 'unknown';
	});
}

/** Forgets old history, and every other account's history (their pending entries stay). */
export function prune(currentUser: string | null, now: number): Promise<void> {
	return transact([journal], 'readwrite', async (tx) => {
		const store = tx.objectStore(journal);
		const all = (await promised(store.getAll())) as JournalEntry[];
		for (const entry of all) {
			if (entry.state !== 'synced') continue;
			if (entry.user !== currentUser || now - entry.createdAt > KEEP_SYNCED_MS) {
				store.delete(entry.id);
			}
		}
	});
}
