// Small records beside the journal: who is signed in on this device (so the service worker
// flushes only that user's outbox) and the last queue each user fetched (for offline starts).
import { STORES, promised, transact } from './idb';
import type { QueueData } from './types';

const { meta } = STORES;
const CURRENT_USER = 'currentUser';
const SNAPSHOT = 'queue:';

interface MetaRecord<T> {
	key: string;
	value: T;
}

async function get<T>(key: string): Promise<T | undefined> {
	const record = await transact([meta], 'readonly', (tx) =>
		promised(tx.objectStore(meta).get(key) as IDBRequest<MetaRecord<T> | undefined>)
	);
	return record?.value;
}

function put<T>(key: string, value: T): Promise<void> {
	return transact([meta], 'readwrite', async (tx) => {
		await promised(tx.objectStore(meta).put({ key, value } satisfies MetaRecord<T>));
	});
}

export const getCurrentUser = () => get<string>(CURRENT_USER);

export function setCurrentUser(user: string): Promise<void> {
	return put(CURRENT_USER, user);
}

export interface QueueSnapshot {
	queue: QueueData;
	/** Client clock when it was fetched. */
	savedAt: number;
}

export const loadSnapshot = (user: string) => get<QueueSnapshot>(SNAPSHOT + user);

export function saveSnapshot(user: string, snapshot: QueueSnapshot): Promise<void> {
	return put(SNAPSHOT + user, snapshot);
}

/**
 * Sign-out or a change of account: forget who is signed in and every cached queue except
 * `keep`'s, so one person's cards never show up for the next person on a shared phone.
 */
export function forgetUsers(keep: string | null = null): Promise<void> {
	return transact([meta], 'readwrite', async (tx) => {
		const store = tx.objectStore(meta);
		const keys = (await promised(store.getAllKeys())) as string[];
		for (const key of keys) {
			if (key === SNAPSHOT + keep) continue;
			if (key === CURRENT_USER && keep !== null) continue;
			if (key === CURRENT_USER || key.startsWith(SNAPSHOT)) store.delete(key);
		}
	});
}
