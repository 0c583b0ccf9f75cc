// The app's entry to group commit (group-commit.ts): one coalescer per embedded database, and
// the open transaction handed to the caller as a drizzle database, so both drizzle queries
// and compiled statements (connOf) run inside it.
import type { Client, Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import type { Database } from './client';
import { createGroupCommit, type GroupCommit } from './group-commit';
import * as schema from './schema';

const committers = new WeakMap<Client, GroupCommit>();

/** A drizzle database whose every statement runs in `tx`; it cannot open transactions. */
export function databaseOn(tx: Transaction): Database {
	return drizzle(tx as unknown as Client, { schema }) as Database;
}

/** The coalescer of an embedded database; null for a libSQL server (`libsql://`, `http(s)://`). */
export function groupCommitOf(db: Database): GroupCommit | null {
	const client = db.$client;
	if (client.protocol !== 'file') return null;
	let committer = committers.get(client);
	if (!committer) {
		committer = createGroupCommit(client);
		committers.set(client, committer);
	}
	return committer;
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
	const committer = groupCommitOf(db);
	if (committer) return committer.run((tx) => work(databaseOn(tx)));
	// libSQL's default transaction mode is "write": BEGIN IMMEDIATE.
	return db.transaction((tx) => work(tx as unknown as Database));
}
