// Group commit (src/lib/server/db/group-commit.ts) against a real libSQL file: concurrent units
// share commits, a failing unit is rolled back alone, and nothing is answered before its commit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Client, Transaction } from '@libsql/client';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { createGroupCommit } from '$lib/server/db/group-commit';
import { writeTogether } from '$lib/server/db/write-together';
import * as table from '$lib/server/db/schema';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
	await t.db.$client.execute('create table note (id integer primary key, body text not null)');
});
afterAll(() => t.close());
beforeEach(async () => {
	await t.db.$client.execute('delete from note');
});

const insert = (id: number) => async (tx: Transaction) => {
	await tx.execute({ sql: 'insert into note (id, body) values (?, ?)', args: [id, `n${id}`] });
	return id;
};

async function noteIds(): Promise<number[]> {
	const { rows } = await t.db.$client.execute('select id from note order by id');
	return rows.map((r) => Number(r.id));
}

/** The client, with every transaction's COMMIT held until `release` is called. */
function gatedClient(client: Client) {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	let commits = 0;
	const gated = new Proxy(client, {
		get(target, prop, receiver) {
			if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
			return async (mode?: 'write') => {
				const tx = await target.transaction(mode);
				return new Proxy(tx, {
					get(inner, key, r) {
						if (key === 'commit')
							return async () => {
								await gate;
								commits += 1;
								return inner.commit();
							};
						const value = Reflect.get(inner, key, r) as unknown;
						return typeof value === 'function'
							? (value as (...a: unknown[]) => unknown).bind(inner)
							: value;
					}
				});
			};
		}
	});
	return { client: gated, release, commits: () => commits };
}

describe('group commit', () => {
	it('applies N concurrent units in fewer than N commits', async () => {
		const group = createGroupCommit(t.db.$client);
		const ids = Array.from({ length: 20 }, (_, i) => i + 1);
		const answers = await Promise.all(ids.map((id) => group.run(insert(id))));
		expect(answers).toEqual(ids);
		expect(await noteIds()).toEqual(ids);
		expect(group.stats.units).toBe(20);
		// The first unit starts alone; everything that arrived meanwhile shares the next commit.
		expect(group.stats.commits).toBeLessThan(20);
		expect(group.stats.commits).toBeLessThanOrEqual(3);
	});

	it('rolls back a failing unit alone: the others in its transaction still commit', async () => {
		const group = createGroupCommit(t.db.$client);
		const failing = async (tx: Transaction) => {
			await tx.execute({ sql: 'insert into note (id, body) values (?, ?)', args: [100, 'x'] });
			// A constraint error halfway through: the row above must not survive either.
			await tx.execute({ sql: 'insert into note (id, body) values (?, ?)', args: [3, 'dup'] });
		};
		const settled = await Promise.allSettled([
			group.run(insert(1)),
			group.run(insert(2)),
			group.run(insert(3)),
			group.run(failing),
			group.run(insert(4))
		]);
		expect(settled.map((s) => s.status)).toEqual([
			'fulfilled',
			'fulfilled',
			'fulfilled',
			'rejected',
			'fulfilled'
		]);
		expect(String((settled[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
		expect(await noteIds()).toEqual([1, 2, 3, 4]);
		expect(group.stats.commits).toBeLessThan(5);
	});

	it('answers no unit before the commit holding it has returned', async () => {
		const gated = gatedClient(t.db.$client);
		const group = createGroupCommit(gated.client);
		const answered: number[] = [];
		const runs = [1, 2, 3].map((id) => group.run(insert(id)).then((v) => answered.push(v)));
		await new Promise((r) => setTimeout(r, 50));
		// The units' statements have run, but their commit is held: nobody may hear "done".
		expect(answered).toEqual([]);
		expect(gated.commits()).toBe(0);
		gated.release();
		await Promise.all(runs);
		expect(answered.sort()).toEqual([1, 2, 3]);
		expect(await noteIds()).toEqual([1, 2, 3]);
	});

	it('answers every unit of a transaction whose commit fails with the error, none as done', async () => {
		const failing = new Proxy(t.db.$client, {
			get(target, prop, receiver) {
				if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
				return async () => {
					const tx = await target.transaction('write');
					return new Proxy(tx, {
						get(inner, key, r) {
							if (key === 'commit')
								return async () => {
									await inner.rollback();
									throw new Error('disk I/O error');
								};
							const value = Reflect.get(inner, key, r) as unknown;
							return typeof value === 'function'
								? (value as (...a: unknown[]) => unknown).bind(inner)
								: value;
						}
					});
				};
			}
		});
		const group = createGroupCommit(failing);
		const settled = await Promise.allSettled([1, 2, 3].map((id) => group.run(insert(id))));
		expect(settled.every((s) => s.status === 'rejected')).toBe(true);
		expect(await noteIds()).toEqual([]);
	});

	it('hands the app’s writes a drizzle database inside the shared transaction', async () => {
		const user = await writeTogether(t.db, async (db) => {
			await db.insert(table.user).values({
				id: 'gc-user',
				username: 'gc-user',
				passwordHash: 'x',
				createdAt: new Date(0)
			});
			return db.query.user.findFirst({ where: (u, { eq }) => eq(u.id, 'gc-user') });
		});
		expect(user?.username).toBe('gc-user');
	});
});
