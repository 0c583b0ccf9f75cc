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

describe('what a kept statement answers the same way every time', () => {
	it('asks for its columns once, and still tells a write from a read', async () => {
		cacheStatements();
		const a = new Database(':memory:');
		a.exec('create table t (x integer, y text)');
		const select = a.prepare('select x, y from t');
		expect(select.columns()).toBe(select.columns());
		expect(select.columns().map((c) => c.name)).toEqual(['x', 'y']);
		const insert = a.prepare('insert into t (x, y) values (?, ?)');
		expect(() => insert.raw(true)).toThrow();
		expect(() => insert.raw(true)).toThrow();
		insert.run(1, 'one');
		expect(select.raw(true).all()).toEqual([[1, 'one']]);
		expect(select.raw(false).all()).toEqual([{ x: 1, y: 'one' }]);
		expect(select.safeIntegers(true).raw(true).all()).toEqual([[1n, 'one']]);
	});

	it('gives the driver right rows and write results, again and again', async () => {
		const client = t.db.$client;
		await client.execute('create table n (i integer primary key, s text)');
		for (let i = 0; i < 3; i++) {
			const w = await client.execute({
				sql: 'insert into n (i, s) values (?, ?)',
				args: [i, `s${i}`]
			});
			expect(w.rowsAffected).toBe(1);
			expect(w.lastInsertRowid).toBe(BigInt(i));
			const r = await client.execute({
				sql: 'select i, s from n where i <= ? order by i',
				args: [i]
			});
			expect(r.columns).toEqual(['i', 's']);
			expect(r.rows.map((row) => row.s)).toEqual(Array.from({ length: i + 1 }, (_, k) => `s${k}`));
		}
	});
});
