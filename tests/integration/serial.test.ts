import { spawn } from 'node:child_process';
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
		const client = serializeClient(createClient({ url: `file:${path.join(dir, 'a.db')}` }), {
			queueTimeoutMs: 200
		});
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
		const client = serializeClient(createClient({ url: `file:${path.join(dir, 'b.db')}` }), {
			queueTimeoutMs: 500
		});
		await client.execute('create table t (x integer)');
		const tx = await client.transaction('write');
		await tx.execute('insert into t values (1)');
		tx.close();
		const rows = await client.execute('select count(*) as c from t');
		expect(rows.rows[0]!.c).toBe(0);
		client.close();
	});

	it('writes again at once when another process lets go of a lock it gave up waiting for', async () => {
		const file = path.join(dir, 'c.db');
		const prepared: string[] = [];
		const client = serializeClient(createClient({ url: `file:${file}`, timeout: 300 }), {
			prepare: async (c) => {
				prepared.push('again');
				await c.execute('PRAGMA foreign_keys=ON');
			}
		});
		await client.execute('PRAGMA journal_mode=WAL');
		await client.execute('create table t (x integer)');
		const holder = spawn(
			process.execPath,
			[
				'-e',
				`const { createClient } = require('@libsql/client');
				(async () => {
					const c = createClient({ url: 'file:${file}' });
					const tx = await c.transaction('write');
					await tx.execute('insert into t values (0)');
					process.stdout.write('locked\\n');
					await new Promise((r) => setTimeout(r, 1000));
					await tx.commit();
					c.close();
				})();`
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] }
		);
		await new Promise((r) => holder.stdout.once('data', r));
		const exited = new Promise((r) => holder.once('exit', r));
		const blocked = (async () => {
			const tx = await client.transaction('write');
			await tx.execute('insert into t values (1)');
			await tx.commit();
		})();
		await expect(blocked).rejects.toSatisfy(isBusyError);
		await exited;
		// Without reopening the connection this first write fails with "SQL statements in progress".
		const tx = await client.transaction('write');
		await tx.execute('insert into t values (2)');
		await tx.commit();
		expect((await client.execute('select x from t order by x')).rows.map((r) => r.x)).toEqual([
			0, 2
		]);
		expect(prepared).toEqual(['again']);
		expect((await client.execute('PRAGMA foreign_keys')).rows[0]![0]).toBe(1);
		client.close();
	});

	it('recognises SQLite lock errors from another process as busy', () => {
		expect(isBusyError(new Error('SQLITE_BUSY: database is locked'))).toBe(true);
		expect(isBusyError(new Error('SQLITE_CONSTRAINT: UNIQUE'))).toBe(false);
	});
});
