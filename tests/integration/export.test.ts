import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import * as schema from '$lib/server/db/schema';
import { EXPORTED, NOT_EXPORTED } from '$lib/server/reviews/portable-tables';
import { exportLearner, importLearner, type ExportDocument } from '$lib/server/reviews/portable';
import { applyReviews, saveReviewSettings, setCardFlag, undoReview } from '$lib/server/reviews';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-03-20T12:00:00Z');

/** A learner with something in every kind of table. */
async function busyLearner() {
	const user = await makeUser(t.db);
	const card = await makePersonalCard(t.db, user.id);
	await saveReviewSettings(
		t.db,
		user.id,
		{
			desiredRetention: 0.85,
			maximumInterval: 400,
			learningSteps: ['2m'],
			relearningSteps: ['5m'],
			timezone: 'Europe/Berlin',
			dayStartHour: 3,
			newCardsPerDay: 7
		},
		NOW
	);
	await t.db.insert(schema.assessment).values({
		id: crypto.randomUUID(),
		userId: user.id,
		skillId: 'docker',
		level: 2,
		source: 'self',
		createdAt: NOW
	});
	await t.db.insert(schema.target).values({
		id: crypto.randomUUID(),
		userId: user.id,
		name: 'MLOps',
		roleId: 'mlops-engineer',
		jdText: null,
		skills: [{ id: 'docker', targetLevel: 3, importance: 'must', weight: 1 }],
		active: true,
		createdAt: NOW,
		updatedAt: NOW
	});
	const undone = review(card, 1, '2025-03-19T09:00:00Z');
	await applyReviews(
		t.db,
		user.id,
		[
			review(card, 3, '2025-03-01T09:00:00Z'),
			review(card, 3, '2025-03-03T09:00:00Z'),
			review('ab-testing-001', 4, '2025-03-10T09:00:00Z'),
			undone
		],
		NOW
	);
	await undoReview(t.db, user.id, undone.id, NOW);
	await setCardFlag(t.db, user.id, 'docker-001', 'suspend', NOW);
	return user;
}

/** The export without what differs between two accounts by nature. */
function content(doc: ExportDocument) {
	const profile: Record<string, unknown> = { ...doc.profile };
	delete profile.username;
	delete profile.createdAt;
	return { format: doc.format, version: doc.version, tables: doc.tables, profile };
}

describe('export and import', () => {
	it('covers every table that holds a learner’s rows, or says why not', () => {
		const tables: SQLiteTable[] = [];
		for (const value of Object.values(schema) as unknown[]) {
			if (is(value, SQLiteTable)) tables.push(value);
		}
		const userTables = tables
			.filter((t) => Object.values(getTableColumns(t)).some((c) => c.name === 'user_id'))
			.map((t) => getTableName(t))
			.sort();
		const decided = [...Object.keys(EXPORTED), ...Object.keys(NOT_EXPORTED)].sort();
		expect(userTables).toEqual(decided);
	});

	it('exports only the signed-in learner’s data', async () => {
		const a = await busyLearner();
		const b = await makeUser(t.db);
		const doc = await exportLearner(t.db, b.id, NOW);
		expect(Object.values(doc.tables).every((rows) => rows.length === 0)).toBe(true);
		const mine = await exportLearner(t.db, a.id, NOW);
		expect(mine.tables.review_log).toHaveLength(3);
		expect(mine.tables.review_undo).toHaveLength(1);
		expect(mine.tables.personal_card).toHaveLength(1);
		expect(JSON.stringify(mine)).not.toMatch(/password|argon2/);
	});

	it('reproduces the account exactly in a new, empty one', async () => {
		const original = await busyLearner();
		const exported = JSON.parse(
			JSON.stringify(await exportLearner(t.db, original.id, NOW))
		) as ExportDocument;

		// The ids are kept (a card's fuzz seed contains its id); they are unique per learner, so
		// the original account may still be on this server.
		const fresh = await makeUser(t.db);
		const result = await importLearner(t.db, fresh.id, exported);
		expect(result).toMatchObject({
			ok: true,
			rows: { review_log: 3, card_state: 3, personal_card: 1 }
		});
		expect(content(await exportLearner(t.db, fresh.id, NOW))).toEqual(content(exported));
		expect(content(await exportLearner(t.db, original.id, NOW))).toEqual(content(exported));

		// Into an account that already has data: refused, nothing written.
		const again = await importLearner(t.db, fresh.id, exported);
		expect(again).toMatchObject({ ok: false, status: 409 });
	});

	it('refuses a document that is not an export, naming what is wrong', async () => {
		const user = await makeUser(t.db);
		const base = {
			format: 'gapwise-export',
			version: 1,
			exportedAt: NOW.toISOString(),
			profile: {}
		};
		expect(await importLearner(t.db, user.id, { hello: 1 })).toMatchObject({
			ok: false,
			status: 400
		});
		expect(await importLearner(t.db, user.id, { ...base, tables: { secrets: [] } })).toMatchObject({
			ok: false,
			message: expect.stringMatching(/secrets/)
		});
		expect(
			await importLearner(t.db, user.id, {
				...base,
				tables: {
					review_log: [
						{
							id: crypto.randomUUID(),
							card_id: 'y',
							rating: 3,
							reviewed_at: 'soon',
							duration_ms: 1,
							received_at: NOW.toISOString()
						}
					]
				}
			})
		).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/reviewed_at/) });
		expect(
			await importLearner(t.db, user.id, {
				...base,
				tables: { review_log: [{ id: 'x', evil: 1 }] }
			})
		).toMatchObject({ ok: false, status: 400, message: expect.stringMatching(/evil/) });
		expect(content(await exportLearner(t.db, user.id, NOW)).tables.review_log).toEqual([]);
	});
});
