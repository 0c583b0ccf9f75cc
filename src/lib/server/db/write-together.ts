// The app's entry to group commit (group-commit.ts): one coalescer per embedded database, and
// the open transaction handed to the caller as a drizzle database, so both drizzle queries
// and compiled statements (connOf) run inside it.
import type { Client, Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Database } from './client';
import { createGroupCommit, type GroupCommit } from './group-commit';
import * as schema from './schema';

interface Committer {
	group: GroupCommit;
	run<T>(work: (tx: Database) => Promise<T>): Promise<T>;
}

const committers = new WeakMap<Client, Committer>();

const outside = () => {
	throw new Error('No group transaction is open: use the database instead.');
};

function committerFor(client: Client): Committer {
	const group = createGroupCommit(client);
	// drizzle() with the schema costs ~0.2–0.7 ms, too much per request: one instance runs on
	// whichever transaction is open. Units run one after another, so there is only ever one.
	let current: Transaction | null = null;
	const onCurrent = new Proxy({} as Client, {
		get(_, prop) {
			if (!current) return prop === 'execute' || prop === 'batch' ? outside : undefined;
			const value = Reflect.get(current, prop) as unknown;
			return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
		}
	});
	const db = drizzle({ client: onCurrent, schema }) as Database;
	return {
		group,
		run: (work) =>
			group.run(async (tx) => {
				current = tx;
				try {
					return await work(db);
				} finally {
					current = null;
				}
			})
	};
}

function committerOf(db: Database): Committer | null {
	const client = db.$client;
	if (client.protocol !== 'file') return null;
	let committer = committers.get(client);
	if (!committer) {
		committer = committerFor(client);
		committers.set(client, committer);
	}
	return committer;
}

/** The coalescer of an embedded database; null for a libSQL server (`libsql://`, `http(s)://`). */
export function groupCommitOf(db: Database): GroupCommit | null {
	return committerOf(db)?.group ?? null;
}

/**
 * Runs `work` in a write transaction and resolves once it is committed. On an embedded file
 * it shares the transaction (and its fsync) with whatever else is waiting, in a savepoint of
 * its own. A libSQL server commits each transaction itself, so there it gets one of its own:
 * coalescing would hold the server's write lock across many network round trips.
 */
export async function writeTogether<T>(
	db: Database,
	work: (tx: Database) => Promise<T>
): Promise<T> {
	const committer = committerOf(db);
	if (committer) return committer.run(work);
	// libSQL's default transaction mode is "write": BEGIN IMMEDIATE.
	return db.transaction((tx) => work(tx as unknown as Database));
}
