import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema';
import { serializeClient } from './serial';
import { cacheStatements } from './statement-cache';

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

export interface DatabaseConfig {
	url: string;
	authToken?: string;
}

/** Busy timeout for every connection the client opens, transactions' included. */
export const BUSY_TIMEOUT_MS = 5000;

function isFileUrl(url: string) {
	return url.startsWith('file:');
}

/** Opens a libSQL database: an embedded file by default, or a libSQL server / Turso URL. */
export async function openDatabase({ url, authToken }: DatabaseConfig): Promise<Database> {
	if (isFileUrl(url)) {
		// libSQL does not create missing folders.
		const file = url.slice('file:'.length).replace(/^\/\/(?:localhost)?/, '');
		if (file && file !== ':memory:')
			mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	}
	if (!isFileUrl(url)) {
		// A libSQL server handles concurrency and connection settings itself.
		const remote = createClient({ url, authToken: authToken || undefined });
		return drizzle(remote, { schema });
	}
	// One connection: the queue runs one operation at a time anyway, and PRAGMAs such as
	// foreign_keys are per connection, so a second pooled connection would silently lack them.
	cacheStatements();
	const raw = createClient({ url, timeout: BUSY_TIMEOUT_MS, concurrency: 1 });
	const client = serializeClient(raw, { prepare: prepareConnection });
	await prepareConnection(client);
	return drizzle(client, { schema });
}

async function prepareConnection(client: Client) {
	// WAL is stored in the file itself, so every later connection inherits it.
	// synchronous=FULL makes a committed review survive a power cut, not just a crash.
	await client.execute('PRAGMA journal_mode=WAL');
	await client.execute('PRAGMA synchronous=FULL');
	await client.execute('PRAGMA foreign_keys=ON');
}

export function migrationsFolder() {
	return process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), 'drizzle');
}

export async function migrateDatabase(db: Database) {
	await migrate(db, { migrationsFolder: migrationsFolder() });
}
