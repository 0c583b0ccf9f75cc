// Issue 15, "an import can never break an account": POST /api/import passes every row
// through the schema of the API that creates it, refuses the whole document with the row and
// field named, and never lets a row point at another learner's data. The property: for any
// document the importer accepts, the account's pages and endpoints answer without throwing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import * as schema from '$lib/server/db/schema';
import { exportLearner, importLearner, type ExportDocument } from '$lib/server/reviews/portable';
import { PROFILE_COLUMNS } from '$lib/server/reviews/portable-tables';
import { cardJson, exportCards, listPersonalCards } from '$lib/server/cards';
import {
	applyReviews,
	getQueue,
	getReviewSettings,
	getStats,
	saveReviewSettings,
	setCardFlag,
	settingsForm,
	suspendedCards,
	undoReview
} from '$lib/server/reviews';
import { fitStatus } from '$lib/server/reviews/optimise';
import { loadPlan, markStep } from '$lib/server/plan/service';
import { learnerDay } from '$lib/server/plan/clock';
import { reviewWorkload } from '$lib/server/plan/workload';
import { createTarget } from '$lib/server/targets/store';
import { recordRatings } from '$lib/server/assessments/store';
import { listTargets } from '$lib/server/targets/store';
import { DEFAULT_SETTINGS, saveSettings } from '$lib/server/plan/settings';
import { getDeckSource } from '$lib/server/content';
import { saveReminderSettings } from '$lib/server/push/settings';
import { keepResume } from '$lib/server/resume';
import { EXPORTED } from '$lib/server/reviews/portable-tables';
import { rowSchemas } from '$lib/server/reviews/portable-rows';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2026-03-20T12:00:00Z');
type Doc = ExportDocument;

/** Everything an account's pages and endpoints read, as the routes call it. */
async function visitAccount(userId: string) {
	await exportLearner(t.db, userId, NOW); // GET /api/export
	for (const format of ['csv', 'tsv', 'json'] as const)
		await exportCards(t.db, userId, format, NOW);
	await getQueue(t.db, userId, NOW); // GET /api/queue, /review
	await getStats(t.db, userId, NOW, (id) => id); // /stats
	await loadPlan(t.db, userId, NOW); // /today, /plan
	await reviewWorkload(t.db, userId, NOW);
	await learnerDay(t.db, userId, NOW);
	const cards = await listPersonalCards(t.db, userId); // /cards, GET /api/cards
	await Promise.all(cards.map(cardJson));
	settingsForm(await getReviewSettings(t.db, userId)); // /settings
	await fitStatus(t.db, userId, NOW);
	await suspendedCards(t.db, userId);
	await listTargets(t.db, userId); // /targets
}

/** A learner with rows in every exported table, exported and then deleted. */
async function busyExport(): Promise<Doc> {
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
	await recordRatings(t.db, user.id, [{ skillId: 'docker', level: 1 }], 'self', NOW);
	await saveSettings(t.db, user.id, { ...DEFAULT_SETTINGS, targetDate: '2026-12-31' }, NOW);
	await saveReminderSettings(t.db, user.id, { time: '07:30', days: [1, 3, 5] }, NOW);
	await keepResume(t.db, user.id, 'Experience\n- Built Docker images for our services.', NOW);
	// A schedule seeded without a log (as placement does), then reviewed: card_base keeps it.
	const seeded = getDeckSource().find((c) => c.id === 'docker-002')!;
	await t.db.insert(schema.cardState).values({
		userId: user.id,
		cardId: seeded.id,
		skillId: seeded.skillId,
		level: seeded.level,
		due: NOW,
		stability: 12,
		difficulty: 5,
		elapsedDays: 0,
		scheduledDays: 12,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 2,
		lastReview: new Date('2026-03-08T12:00:00Z')
	});
	await createTarget(
		t.db,
		user.id,
		{
			name: 'MLOps',
			roleId: null,
			skills: [{ id: 'docker', targetLevel: 3, importance: 'must', weight: 1 }],
			active: true
		},
		NOW
	);
	const plan = await loadPlan(t.db, user.id, NOW);
	if (plan?.items[0]) await markStep(t.db, user.id, plan.items[0].key, 'skipped', NOW);
	const undone = review(card, 1, '2026-03-19T09:00:00Z');
	const passed = review('docker-001', 4, '2026-03-10T09:00:00Z');
	await applyReviews(
		t.db,
		user.id,
		[
			review(card, 3, '2026-03-01T09:00:00Z'),
			passed,
			review(seeded.id, 3, '2026-03-20T09:00:00Z'),
			undone
		],
		NOW
	);
	await undoReview(t.db, user.id, undone.id, NOW);
	await setCardFlag(t.db, user.id, 'docker-001', 'suspend', NOW);
	// Credit through prerequisites, as a passed review gives it when the learner has it on.
	await t.db.insert(schema.reviewCredit).values({
		userId: user.id,
		reviewId: passed.id,
		cardId: seeded.id,
		kind: 'credit',
		fraction: 0.25,
		creditedAt: new Date(passed.reviewedAt),
		stabilityBefore: 12,
		dueBefore: NOW,
		stabilityAfter: 15,
		dueAfter: NOW
	});
	await t.db.insert(schema.fsrsFit).values({
		userId: user.id,
		status: 'failed',
		reviewCount: 2,
		error: 'Too few reviews.',
		startedAt: NOW,
		finishedAt: NOW
	});
	const doc = JSON.parse(JSON.stringify(await exportLearner(t.db, user.id, NOW))) as Doc;
	await t.db.delete(schema.user).where(eq(schema.user.id, user.id));
	return doc;
}

const clone = (doc: Doc): Doc => structuredClone(doc);

async function isEmpty(userId: string) {
	const doc = await exportLearner(t.db, userId, NOW);
	return Object.values(doc.tables).every((rows) => rows.length === 0);
}

describe('import validation', () => {
	let base: Doc;
	beforeAll(async () => {
		base = await busyExport();
		for (const [name, rows] of Object.entries(base.tables))
			expect(rows.length, name).toBeGreaterThan(0);
	});

	it('has a rule for every exported table: no row is ever written unchecked', () => {
		const rules = rowSchemas({ today: '2026-03-20' });
		expect(Object.keys(EXPORTED).filter((name) => !(name in rules))).toEqual([]);
	});

	it('imports the export of a busy learner whole', async () => {
		const user = await makeUser(t.db);
		expect(await importLearner(t.db, user.id, base, NOW)).toMatchObject({ ok: true });
		await visitAccount(user.id);
	});

	// The findings, each refused whole with the row and field named.
	const cases: [string, (d: Doc) => void, string][] = [
		[
			'a card at level 99',
			(d) => (d.tables.personal_card![0]!.level = 99),
			'tables.personal_card[0].level: Choose a level from 1 to 4.'
		],
		[
			'an unknown skill',
			(d) => (d.tables.personal_card![0]!.skill_id = 'juggling'),
			'tables.personal_card[0].skill_id: Unknown skill “juggling”.'
		],
		[
			'a 100,000-character front',
			(d) => (d.tables.personal_card![0]!.front = 'x'.repeat(100_000)),
			'tables.personal_card[0].front: The front is longer than 2,000 characters.'
		],
		[
			'tags that are not a list',
			(d) => (d.tables.personal_card![0]!.tags = { not: 'array' }),
			'tables.personal_card[0].tags: Send tags as a list of strings.'
		],
		[
			'desiredRetention 5',
			(d) => (d.profile.desiredRetention = 5),
			'profile.desiredRetention: Enter a retention between 0.70 and 0.97.'
		],
		[
			'an unknown time zone',
			(d) => (d.profile.timezone = 'Not/AZone'),
			'profile.timezone: Choose a time zone from the list.'
		],
		[
			'dayStartHour 99',
			(d) => (d.profile.dayStartHour = 99),
			'profile.dayStartHour: Choose an hour from 0 to 23.'
		],
		[
			'a review on 30 February',
			(d) => (d.tables.review_log![0]!.reviewed_at = '2026-02-30T00:00:00Z'),
			'tables.review_log[0].reviewed_at: reviewedAt names a day that does not exist (2026-02-30).'
		],
		[
			'a schedule for a card that is not the learner’s',
			(d) => (d.tables.card_state![0]!.card_id = 'pc_someone-elses-card'),
			'tables.card_state[0].card_id: neither a card of this export nor a built-in card.'
		],
		[
			'a schedule FSRS cannot review (stability 0)',
			(d) => (d.tables.card_state![0]!.stability = 0),
			'tables.card_state[0]: a reviewed card needs a stability of at least 0.001 and a difficulty from 1 to 10.'
		],
		[
			'two active targets',
			(d) => d.tables.target!.push({ ...d.tables.target![0]!, id: crypto.randomUUID() }),
			'tables.target[1].active: only one target can be active.'
		],
		[
			'a repeated card id',
			(d) =>
				d.tables.personal_card!.push({ ...d.tables.personal_card![0]!, front: 'Another front?' }),
			'tables.personal_card[1].id: repeats tables.personal_card[0].'
		],
		[
			'a plan for a target that is not in the export',
			(d) => (d.tables.study_plan![0]!.target_id = crypto.randomUUID()),
			'tables.study_plan[0].target_id: no target of this export has this id.'
		],
		[
			'a plan item of an unknown skill',
			(d) => {
				const plan = d.tables.study_plan![0]!.plan as { items: { skillId: string }[] };
				plan.items[0]!.skillId = 'juggling';
			},
			'tables.study_plan[0].plan.items[0].skillId: No skill has this id.'
		],
		[
			'FSRS parameters out of range',
			(d) => (d.profile.fsrsParams = JSON.stringify(Array(21).fill(-5))),
			'profile.fsrsParams: A parameter is outside the range FSRS allows.'
		]
	];
	for (const [name, mutate, message] of cases) {
		it(`refuses ${name}, naming the row and field, and writes nothing`, async () => {
			const user = await makeUser(t.db);
			const doc = clone(base);
			mutate(doc);
			expect(await importLearner(t.db, user.id, doc, NOW)).toEqual({
				ok: false,
				status: 400,
				message
			});
			expect(await isEmpty(user.id)).toBe(true);
			const [profile] = await t.db.select().from(schema.user).where(eq(schema.user.id, user.id));
			expect(profile).toMatchObject({ timezone: 'UTC', desiredRetention: 0.9, dayStartHour: 4 });
		});
	}

	it('takes a card row with only the columns a card has always had', async () => {
		const user = await makeUser(t.db);
		const row = {
			id: `pc_${crypto.randomUUID()}`,
			skill_id: 'docker',
			level: 1,
			front: 'Q?',
			back: 'A.',
			tags: [],
			created_at: NOW.toISOString(),
			updated_at: NOW.toISOString()
		};
		const doc = {
			format: 'gapwise-export',
			version: 1,
			profile: {},
			tables: { personal_card: [row] }
		};
		expect(await importLearner(t.db, user.id, doc, NOW)).toMatchObject({ ok: true });
		expect(await listPersonalCards(t.db, user.id)).toMatchObject([{ kind: 'qa', front: 'Q?' }]);
	});

	it('answers another learner’s card id exactly as a fresh id, and leaves their card alone', async () => {
		const [a, b, c] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
		const theirs = await makePersonalCard(t.db, a.id);
		const [before] = await t.db
			.select()
			.from(schema.personalCard)
			.where(eq(schema.personalCard.userId, a.id));
		const withId = (id: string) => {
			const doc = clone(base);
			const old = doc.tables.personal_card![0]!.id as string;
			for (const name of ['personal_card', 'card_state', 'review_log'])
				for (const row of doc.tables[name]!)
					for (const k of ['id', 'card_id']) if (row[k] === old) row[k] = id;
			return doc;
		};
		const reused = await importLearner(t.db, b.id, withId(theirs), NOW);
		const fresh = await importLearner(t.db, c.id, withId(`pc_${crypto.randomUUID()}`), NOW);
		expect(reused).toEqual(fresh);
		expect(reused.ok).toBe(true);
		const after = await t.db
			.select()
			.from(schema.personalCard)
			.where(eq(schema.personalCard.userId, a.id));
		expect(after).toEqual([before]);
	});

	it('any document it accepts leaves an account whose pages all answer', async () => {
		const tables = Object.keys(base.tables);
		// Mostly "well-typed nonsense", as the issue found it: a number where a number was, a
		// string where a string was — and now and then a value of another type.
		const numbers = fc.oneof(
			fc.constantFrom(-1, 0, 1, 2, 3, 4, 5, 7, 23, 24, 99, 0.5, 0.7, 0.97, 1.5, 36500, 36501, 1e9),
			fc.integer({ min: -10, max: 100 }),
			fc.double({ noNaN: true, noDefaultInfinity: true })
		);
		const strings = fc.oneof(
			fc.constantFrom(
				'',
				'x',
				'x'.repeat(100_000),
				'Not/AZone',
				'Europe/Berlin',
				'2026-02-30T00:00:00Z',
				'2026-03-01T00:00:00.000Z',
				'1970-01-01T00:00:00.000Z',
				'9999-12-31T23:59:59.000Z',
				'2026-03-01',
				'2026-02-30',
				'08:00',
				'25:99',
				'docker',
				'docker@2',
				'python@1',
				'juggling',
				'docker-001',
				'pc_someone-elses',
				'00000000-0000-4000-8000-000000000000',
				'done',
				'self',
				'[]',
				'[1,2]'
			),
			fc.string({ maxLength: 12 })
		);
		const values = fc.record({
			number: numbers,
			string: strings,
			boolean: fc.boolean(),
			other: fc.constantFrom<unknown>(
				null,
				[],
				{},
				{ not: 'array' },
				['a', 'b'],
				[0, 1, 2],
				5,
				'x',
				true
			),
			// Or a value found elsewhere in the export: a time, an id, a level of another column.
			borrowed: fc.record({
				table: fc.constantFrom(...tables),
				path: fc.array(fc.nat(), { minLength: 2, maxLength: 6 })
			}),
			kind: fc.constantFrom('same type', 'same type', 'borrowed', 'borrowed', 'other')
		});
		type Values = typeof values extends fc.Arbitrary<infer V> ? V : never;
		const leafAt = (node: unknown, path: number[]): unknown => {
			for (const step of path) {
				if (typeof node !== 'object' || node === null) return node;
				const children = Object.values(node);
				if (children.length === 0) return node;
				node = children[step % children.length];
			}
			return node;
		};
		const pick = (current: unknown, v: Values): unknown => {
			if (v.kind === 'borrowed')
				return structuredClone(leafAt(base.tables[v.borrowed.table], v.borrowed.path));
			if (v.kind === 'other') return v.other;
			if (typeof current === 'number') return v.number;
			if (typeof current === 'string') return v.string;
			if (typeof current === 'boolean') return v.boolean;
			return v.other;
		};
		// A change anywhere: a row's column, or deeper inside a JSON column (plans, lists).
		const change = fc.record({
			table: fc.constantFrom(...tables, 'profile'),
			path: fc.array(fc.nat(), { minLength: 2, maxLength: 6 }),
			values
		});
		const setAt = (target: unknown, path: number[], v: Values) => {
			let node = target as Record<string | number, unknown>;
			for (const [i, step] of path.entries()) {
				const keys = Array.isArray(node) ? node.map((_, k) => k) : Object.keys(node);
				if (keys.length === 0) return;
				const key = keys[step % keys.length]!;
				const child = node[key];
				if (i === path.length - 1 || typeof child !== 'object' || child === null) {
					node[key] = pick(child, v);
					return;
				}
				node = child as Record<string | number, unknown>;
			}
		};
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 2 }), async (changes) => {
				const doc = clone(base);
				for (const c of changes) {
					if (c.table === 'profile') {
						const key = PROFILE_COLUMNS[c.path[0]! % PROFILE_COLUMNS.length]!;
						doc.profile[key] = pick(doc.profile[key], c.values);
					} else setAt(doc.tables[c.table], c.path, c.values);
				}
				const user = await makeUser(t.db);
				try {
					const result = await importLearner(t.db, user.id, doc, NOW);
					if (!result.ok) {
						expect(result.status).toBe(400);
						expect(await isEmpty(user.id)).toBe(true);
						return;
					}
					accepted += 1;
					await visitAccount(user.id);
				} finally {
					await t.db.delete(schema.user).where(eq(schema.user.id, user.id));
				}
			}),
			{ numRuns: 200, seed: 15 }
		);
		// Not vacuous: many changed documents are still valid ones.
		expect(accepted).toBeGreaterThanOrEqual(15);
	}, 180_000);
});
