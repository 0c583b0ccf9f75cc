import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import * as table from '$lib/server/db/schema';
import {
	compileJsonRows,
	compileRun,
	compileSelect,
	connOf,
	placeholdersFor,
	run,
	selectJsonRows,
	selectRows
} from '$lib/server/db/compiled';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const insertState = compileRun((b) =>
	b.insert(table.cardState).values(placeholdersFor(table.cardState))
);
const stateSelect = compileSelect(getTableColumns(table.cardState), (b, fields) =>
	b
		.select(fields)
		.from(table.cardState)
		.where(eq(table.cardState.userId, sql.placeholder('userId')))
		.orderBy(table.cardState.cardId)
);
const stateJson = compileJsonRows(
	{
		cardId: table.cardState.cardId,
		due: table.cardState.due,
		suspended: table.cardState.suspended,
		buriedUntil: table.cardState.buriedUntil
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.cardState)
			.where(eq(table.cardState.userId, sql.placeholder('userId')))
);

function state(userId: string, cardId: string, due: Date) {
	return {
		userId,
		cardId,
		skillId: 'docker',
		level: 1,
		due,
		stability: 3.25,
		difficulty: 5.5,
		elapsedDays: 0,
		scheduledDays: 3,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 2,
		lastReview: null,
		suspended: true,
		leech: false,
		buriedUntil: null
	};
}

describe('compiled statements', () => {
	it('write and read values exactly as drizzle does (dates, booleans, nulls)', async () => {
		const user = await makeUser(t.db);
		const due = new Date('2026-05-01T04:00:00.123Z');
		await run(connOf(t.db), insertState, state(user.id, 'docker-001', due));
		const [mine] = await selectRows(connOf(t.db), stateSelect, { userId: user.id });
		const [theirs] = await t.db
			.select()
			.from(table.cardState)
			.where(and(eq(table.cardState.userId, user.id)));
		expect(mine).toEqual(theirs);
		expect(mine!.due).toEqual(due);
		expect(mine!.suspended).toBe(true);
		expect(mine!.lastReview).toBeNull();
		const rows = await selectJsonRows(connOf(t.db), stateJson, { userId: user.id });
		expect(rows).toEqual([{ cardId: 'docker-001', due, suspended: true, buriedUntil: null }]);
	});

	it('run inside the drizzle transaction they are given', async () => {
		const user = await makeUser(t.db);
		await expect(
			t.db.transaction(async (tx) => {
				await run(connOf(tx), insertState, state(user.id, 'docker-002', new Date()));
				const inside = await selectRows(connOf(tx), stateSelect, { userId: user.id });
				expect(inside).toHaveLength(1);
				throw new Error('roll back');
			})
		).rejects.toThrow('roll back');
		expect(await selectRows(connOf(t.db), stateSelect, { userId: user.id })).toEqual([]);
	});

	it('refuse a missing value instead of binding nothing', async () => {
		await expect(selectRows(connOf(t.db), stateSelect, {})).rejects.toThrow('userId');
		expect(await selectJsonRows(connOf(t.db), stateJson, { userId: 'nobody' })).toEqual([]);
	});
});
