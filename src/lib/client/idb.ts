// A tiny promise wrapper over IndexedDB: the outbox needs three stores and a handful of
// verbs, not a library. Shared by the pages and the service worker.

const DB_NAME = 'gapwise';
const DB_VERSION = 1;

export const STORES = {
	/** Review, undo, bury and suspend actions; `state` says whether the server has them. */
	journal: 'journal',
	/** Small key–value records: the current user, queue snapshots. */
	meta: 'meta'
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];

let opening: Promise<IDBDatabase> | null = null;

export function idbAvailable(): boolean {
	return typeof indexedDB !== 'undefined';
}

function open(): Promise<IDBDatabase> {
	opening ??= new Promise<IDBDatabase>((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, DB_VERSION);
		request.onupgradeneeded = () => {
			const db = request.result;
			if (!db.objectStoreNames.contains(STORES.journal)) {
				const journal = db.createObjectStore(STORES.journal, { keyPath: 'id' });
				journal.createIndex('user_state', ['user', 'state']);
			}
			if (!db.objectStoreNames.contains(STORES.meta)) {
				db.createObjectStore(STORES.meta, { keyPath: 'key' });
			}
		};
		request.onsuccess = () => {
			const db = request.result;
			// Another tab upgrading the schema must not be blocked by this connection.
			db.onversionchange = () => {
				db.close();
				opening = null;
			};
			resolve(db);
		};
		request.onerror = () => {
			opening = null;
			reject(request.error ?? new Error('IndexedDB failed to open'));
		};
	});
	return opening;
}

export function promised<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
	});
}

/**
 * Runs `work` inside one transaction and resolves with its result once the transaction has
 * committed, so a caller never acts on a write that could still be rolled back.
 */
export async function transact<T>(
	stores: StoreName[],
	mode: IDBTransactionMode,
	work: (tx: IDBTransaction) => Promise<T>
): Promise<T> {
	const db = await open();
	const tx = db.transaction(stores, mode);
	const done = new Promise<void>((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
	});
	const result = await work(tx);
	await done;
	return result;
}
