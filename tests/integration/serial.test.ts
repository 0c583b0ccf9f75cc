import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { DatabaseBusyError, isBusyError, serializeClient } from '$lib/server/db/serial';

const dir = mkdtempSync(path.join(tmpdir(), 'gapwise-serial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serializeClient', () => {
	it('turns a wait behind a stuck transaction into a clear, retryable error', async () => {
		const client = serializeClient(createClient({ url: `file:${path.join(dir, 'a.db')}` }), 200);
		await client.execute('create table t (x integer)');
		const tx = await client.transaction('write');
		await tx.execute('insert into t values (1)');
		// Using the outer client inside a transaction would wait forever without the timeout.
		const outer = client.execute('select count(*) as c from t');
		await expect(outer).rejects.toBeInstanceOf(DatabaseBusyError);
		await tx.commit();
		const after = await client.execute('select count(*) as c from t');
		expect(after.rows[0]!.c).toBe(1);
		client.close();
	});

	it('releases the queue when a transaction is closed without commit', async () => {
		const client = serializeClient(createClient({ url: `file:${path.join(dir, 'b.db')}` }), 500);
		await client.execute('create table t (x integer)');
		const tx = await client.transaction('write');
		await tx.execute('insert into t values (1)');
		tx.close();
		const rows = await client.execute('select count(*) as c from t');
		expect(rows.rows[0]!.c).toBe(0);
		client.close();
	});

	it('recognises SQLite lock errors from another process as busy', () => {
		expect(isBusyError(new Error('SQLITE_BUSY: database is locked'))).toBe(true);
		expect(isBusyError(new Error('SQLITE_CONSTRAINT: UNIQUE'))).toBe(false);
	});
});
