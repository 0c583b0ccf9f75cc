// Opens a bench database the way the app does (WAL, FULL sync, busy timeout) and migrates it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';

export async function openBenchDb(file) {
	mkdirSync(path.dirname(file), { recursive: true });
	const client = createClient({ url: `file:${file}`, timeout: 5000 });
	await client.execute('PRAGMA journal_mode=WAL');
	await client.execute('PRAGMA synchronous=FULL');
	await migrate(drizzle(client), { migrationsFolder: path.resolve('drizzle') });
	return client;
}
