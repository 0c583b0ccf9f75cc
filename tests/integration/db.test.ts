import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { BUSY_TIMEOUT_MS } from '$lib/server/db/client';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

async function pragmas(run: (q: string) => Promise<{ rows: unknown[] }>) {
	const value = async (name: string) => {
		const { rows } = await run(`PRAGMA ${name}`);
		return Object.values(rows[0] as Record<string, unknown>)[0];
	};
	return {
		journal: await value('journal_mode'),
		synchronous: await value('synchronous'),
		busy: await value('busy_timeout'),
		foreignKeys: await value('foreign_keys')
	};
}

describe('libSQL file settings', () => {
	it('uses WAL, synchronous=FULL, a busy timeout and foreign keys', async () => {
		const p = await pragmas((q) => t.db.$client.execute(q));
		expect(p).toEqual({ journal: 'wal', synchronous: 2, busy: BUSY_TIMEOUT_MS, foreignKeys: 1 });
		expect(BUSY_TIMEOUT_MS).toBeGreaterThanOrEqual(5000);
	});

	it('keeps them on the connection a transaction opens', async () => {
		const tx = await t.db.$client.transaction('write');
		try {
			const p = await pragmas((q) => tx.execute(q));
			expect(p).toEqual({ journal: 'wal', synchronous: 2, busy: BUSY_TIMEOUT_MS, foreignKeys: 1 });
		} finally {
			tx.close();
		}
	});

	it('keeps them inside a drizzle transaction', async () => {
		await t.db.transaction(async (tx) => {
			const p = await pragmas(async (q) => ({ rows: await tx.all(sql.raw(q)) }));
			expect(p).toEqual({ journal: 'wal', synchronous: 2, busy: BUSY_TIMEOUT_MS, foreignKeys: 1 });
		});
	});
});

describe('concurrent writes in one process', () => {
	it('queue instead of deadlocking in the busy handler', async () => {
		await t.db.run(sql`create table if not exists counter (n integer not null)`);
		const started = performance.now();
		// Each transaction awaits between statements, which is when another request could run.
		await Promise.all<unknown>([
			...Array.from({ length: 30 }, (_, i) =>
				t.db.transaction(async (tx) => {
					await tx.run(sql`insert into counter (n) values (${i})`);
					await new Promise((r) => setTimeout(r, 1));
					await tx.run(sql`update counter set n = n + 1 where n = ${i}`);
				})
			),
			...Array.from({ length: 30 }, (_, i) =>
				t.db.run(sql`insert into counter (n) values (${1000 + i})`)
			)
		]);
		const rows = (await t.db.all(sql`select count(*) as c from counter`)) as { c: number }[];
		expect(rows[0]!.c).toBe(60);
		// Far below the 5 s busy timeout a deadlock would have waited for.
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
