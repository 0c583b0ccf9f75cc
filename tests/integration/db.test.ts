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

	it('keeps them on a drizzle transaction while another connection is busy', async () => {
		// Holding one transaction open forces the pool to open a second connection.
		const held = await t.db.$client.transaction('read');
		try {
			await t.db.transaction(async (tx) => {
				const p = await pragmas(async (q) => ({ rows: await tx.all(sql.raw(q)) }));
				expect(p).toEqual({
					journal: 'wal',
					synchronous: 2,
					busy: BUSY_TIMEOUT_MS,
					foreignKeys: 1
				});
			});
		} finally {
			held.close();
		}
	});
});
