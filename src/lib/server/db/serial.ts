import type { Client, Transaction, TransactionMode } from '@libsql/client';

/** How long an operation may wait for its turn before it fails as retryable. */
export const QUEUE_TIMEOUT_MS = 10_000;

export class DatabaseBusyError extends Error {
	constructor() {
		super('The database is busy. Try again in a moment.');
		this.name = 'DatabaseBusyError';
	}
}

/** True for this process's queue timing out and for SQLite's own lock timeout (another process). */
export function isBusyError(error: unknown): boolean {
	return error instanceof DatabaseBusyError || isSqliteBusy(error);
}

function isSqliteBusy(error: unknown): boolean {
	const text = String((error as { code?: string })?.code ?? '') + ' ' + String(error);
	return /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(text);
}

export interface SerialOptions {
	queueTimeoutMs?: number;
	/** Re-applies per-connection settings (PRAGMAs) to a freshly opened connection. */
	prepare?: (client: Client) => Promise<void>;
}

/**
 * Runs every operation on an embedded libSQL file one at a time within this process.
 *
 * The embedded driver is synchronous underneath: while one connection holds a write
 * transaction across an `await`, a second connection's write (or BEGIN IMMEDIATE) waits in
 * SQLite's busy handler *on the event loop*, so the first transaction can never finish and
 * both fail after the busy timeout. Queueing here instead lets the holder finish first.
 * Other processes are unaffected: their waits happen on their own event loops.
 *
 * Code inside a transaction must use the transaction, never the outer client (it would
 * queue behind its own transaction).
 */
export function serializeClient(client: Client, options: SerialOptions = {}): Client {
	const { queueTimeoutMs = QUEUE_TIMEOUT_MS, prepare } = options;
	let tail: Promise<unknown> = Promise.resolve();

	// After SQLite gives up waiting for another process's lock, the embedded driver leaves the
	// connection unusable ("cannot commit transaction - SQL statements in progress") for the
	// next write. Reopening it — before anything else in the queue runs — makes the next
	// request, the learner's retry, succeed.
	async function recover() {
		await client.reconnect();
		if (prepare) await prepare(client);
	}

	function settle<T>(run: () => Promise<T>, resolve: (v: T) => void, reject: (e: unknown) => void) {
		return run().then(resolve, async (error: unknown) => {
			if (isSqliteBusy(error)) await recover().catch(() => undefined);
			reject(error);
		});
	}

	function enqueue<T>(task: () => Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			let timedOut = false;
			// A task that waits this long is either under extreme load or queued behind its own
			// transaction (outer client used inside it): fail clearly rather than hang.
			const timer = setTimeout(() => {
				timedOut = true;
				reject(new DatabaseBusyError());
			}, queueTimeoutMs);
			const execution = tail.then(() => {
				if (timedOut) return;
				clearTimeout(timer);
				return settle(task, resolve, reject);
			});
			tail = execution.catch(() => undefined);
		});
	}

	function transaction(mode?: TransactionMode): Promise<Transaction> {
		let release!: () => void;
		const finished = new Promise<void>((resolve) => (release = resolve));
		const opened = enqueue(() => client.transaction(mode)).catch((error: unknown) => {
			release();
			throw error;
		});
		// The queue stays held until the transaction settles, not just until it opens.
		tail = tail.then(() => finished);
		return opened.then((tx) => holdUntilSettled(tx, release, recover));
	}

	return new Proxy(client, {
		get(target, prop, receiver) {
			if (prop === 'transaction') return transaction;
			if (
				prop === 'execute' ||
				prop === 'batch' ||
				prop === 'migrate' ||
				prop === 'executeMultiple'
			) {
				const method = Reflect.get(target, prop, receiver) as (
					...args: unknown[]
				) => Promise<unknown>;
				return (...args: unknown[]) => enqueue(() => method.apply(target, args));
			}
			const value = Reflect.get(target, prop, receiver) as unknown;
			return typeof value === 'function'
				? (value as (...a: unknown[]) => unknown).bind(target)
				: value;
		}
	});
}

function holdUntilSettled(
	tx: Transaction,
	release: () => void,
	recover: () => Promise<void>
): Transaction {
	let released = false;
	let sawBusy = false;
	const done = () => {
		if (released) return;
		released = true;
		if (sawBusy)
			void recover()
				.catch(() => undefined)
				.finally(release);
		else release();
	};
	const noteBusy = (error: unknown) => {
		if (isSqliteBusy(error)) sawBusy = true;
		throw error;
	};
	return new Proxy(tx, {
		get(target, prop, receiver) {
			const value = Reflect.get(target, prop, receiver) as unknown;
			if (prop === 'execute' || prop === 'batch' || prop === 'executeMultiple') {
				return (...args: unknown[]) =>
					(value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(noteBusy);
			}
			if (prop === 'commit' || prop === 'rollback') {
				return async () => {
					try {
						return await (value as () => Promise<void>).call(target).catch(noteBusy);
					} finally {
						done();
					}
				};
			}
			if (prop === 'close') {
				return () => {
					try {
						(value as () => void).call(target);
					} finally {
						done();
					}
				};
			}
			return typeof value === 'function'
				? (value as (...a: unknown[]) => unknown).bind(target)
				: value;
		}
	});
}
