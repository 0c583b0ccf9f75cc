// Prepared statements kept per connection (db/statement-cache.ts): the same SQL is prepared once,
// and a kept statement still gives the right answer after a failed write, inside and after a
// rolled-back transaction, and after its connection handed over to a transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'libsql';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { cacheStatements } from '$lib/server/db/statement-cache';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
	await t.db.$client.execute('create table kv (k text primary key, v text not null)');
});
afterAll(() => t.close());

describe('statements kept per connection', () => {
	it('prepares one SQL text once per connection', () => {
		cacheStatements();
		const a = new Database(':memory:');
		const b = new Database(':memory:');
		expect(a.prepare('select 1')).toBe(a.prepare('select 1'));
		expect(b.prepare('select 1')).not.toBe(a.prepare('select 1'));
		expect(a.prepare('select 2')).not.toBe(a.prepare('select 1'));
	});

	it('answers right after a failed write and across a rolled-back transaction', async () => {
		const client = t.db.$client;
		const read = () => client.execute({ sql: 'select k, v from kv order by k', args: [] });
		const write = (k: string, v: string | null) =>
			client.execute({ sql: 'insert into kv (k, v) values (?, ?)', args: [k, v] });
		await write('a', '1');
		await expect(write('a', '2')).rejects.toThrow(/UNIQUE|PRIMARY/);
		await expect(write('b', null)).rejects.toThrow(/NOT NULL/);
		await write('b', '2');
		expect((await read()).rows.map((r) => [r.k, r.v])).toEqual([
			['a', '1'],
			['b', '2']
		]);

		const tx = await client.transaction('write');
		await tx.execute({ sql: 'insert into kv (k, v) values (?, ?)', args: ['c', '3'] });
		expect((await tx.execute('select count(*) as n from kv')).rows[0]?.n).toBe(3);
		await tx.rollback();
		tx.close();
		expect((await read()).rows.map((r) => r.k)).toEqual(['a', 'b']);
		expect((await client.execute('select count(*) as n from kv')).rows[0]?.n).toBe(2);
	});
});
