// Credit through prerequisites against a real libSQL file. docker at level 2 requires python
// at level 2 (content/skills/docker.yaml), so a docker@2 card is the advanced card and
// python@2 cards are its prerequisite cards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import * as table from '$lib/server/db/schema';
import { validate } from '$lib/server/validation';
import {
	applyReviews,
	getReviewSettings,
	reviewSettingsSchema,
	saveReviewSettings,
	settingsForm,
	undoReview
} from '$lib/server/reviews';
import { trainingInput } from '$lib/server/reviews/optimise';
import { exportLearner, importLearner } from '$lib/server/reviews/portable';
import { schedulerFor } from '$lib/server/reviews/scheduler';
import { memoryOf } from '$lib/server/reviews/store';
import { refoldCards } from '$lib/server/reviews/credit-refold';
import { trainingItems, type Rating } from '$lib/core/scheduling';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const day = (n: number, hour = 9) => new Date(Date.UTC(2025, 2, 1 + n, hour)).toISOString();
const NOW = new Date(day(9, 12));

async function stateOf(userId: string, cardId: string) {
	const [row] = await t.db
		.select()
		.from(table.cardState)
		.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, cardId)));
	if (!row) throw new Error(`no state for ${cardId}`);
	return row;
}

const creditsOf = (userId: string) =>
	t.db.select().from(table.reviewCredit).where(eq(table.reviewCredit.userId, userId));

async function setCredit(userId: string, value: 'on' | 'off') {
	const current = settingsForm(await getReviewSettings(t.db, userId));
	const parsed = validate(reviewSettingsSchema, { ...current, creditPrerequisites: value });
	if (!parsed.ok) throw new Error(parsed.message);
	await saveReviewSettings(t.db, userId, parsed.data, NOW);
}

async function apply(userId: string, cardId: string, rating: number, at: string) {
	const r = review(cardId, rating, at);
	const [result] = await applyReviews(t.db, userId, [r], NOW);
	expect(result?.status).toBe('applied');
	return r.id;
}

/** A learner with python@2 cards and a docker@2 card, all first rated Easy on day 0. */
async function learner(credit: 'on' | 'off', prerequisites = 1) {
	const user = await makeUser(t.db);
	if (credit === 'on') await setCredit(user.id, 'on');
	const basics: string[] = [];
	for (let i = 0; i < prerequisites; i++)
		basics.push(await makePersonalCard(t.db, user.id, { skillId: 'python', level: 2 }));
	const advanced = await makePersonalCard(t.db, user.id, { skillId: 'docker', level: 2 });
	for (const id of [...basics, advanced]) await apply(user.id, id, 4, day(0));
	return { userId: user.id, basic: basics[0]!, basics, advanced };
}

describe('credit through prerequisites', () => {
	it('is off by default: no credit rows, and the prerequisite card keeps its state', async () => {
		const { userId, basic, advanced } = await learner('off');
		expect((await getReviewSettings(t.db, userId)).creditPrerequisites).toBe(false);
		const before = await stateOf(userId, basic);
		await apply(userId, advanced, 3, day(5));
		await apply(userId, advanced, 1, day(6));
		expect(await creditsOf(userId)).toEqual([]);
		expect(await stateOf(userId, basic)).toEqual(before);
	});

	it('on: a passed advanced card defers its prerequisite card, by less than a real Good review', async () => {
		const { userId, basic, advanced } = await learner('on');
		const before = await stateOf(userId, basic);
		const source = await apply(userId, advanced, 3, day(5));
		const after = await stateOf(userId, basic);
		expect(after.due.getTime()).toBeGreaterThan(before.due.getTime());
		expect(after.stability).toBeGreaterThan(before.stability);
		// What a real Good review of the prerequisite card at that moment would have given.
		const scheduler = schedulerFor(await getReviewSettings(t.db, userId));
		const real = scheduler.review(basic, memoryOf(before), 3, new Date(day(5))).memory;
		expect(after.stability).toBeLessThan(real.stability);
		expect(after.due.getTime()).toBeLessThanOrEqual(real.due.getTime());
		// The card's history is untouched: no review was added, its last review is day 0.
		expect(after.reps).toBe(before.reps);
		expect(after.lastReview).toEqual(before.lastReview);
		const log = await t.db
			.select()
			.from(table.reviewLog)
			.where(and(eq(table.reviewLog.userId, userId), eq(table.reviewLog.cardId, basic)));
		expect(log).toHaveLength(1);
		expect(await creditsOf(userId)).toMatchObject([
			{
				reviewId: source,
				cardId: basic,
				kind: 'credit',
				fraction: 0.25,
				stabilityBefore: before.stability,
				dueBefore: before.due,
				stabilityAfter: after.stability,
				dueAfter: after.due
			}
		]);
	});

	it('credit given a review at a time is what the fold from the log and credit rows gives', async () => {
		const { userId, basic, advanced } = await learner('on');
		for (const n of [2, 4, 6, 8]) await apply(userId, advanced, n === 4 ? 1 : 3, day(n));
		const stepwise = await stateOf(userId, basic);
		expect((await creditsOf(userId)).length).toBeGreaterThan(1);
		const settings = await getReviewSettings(t.db, userId);
		await refoldCards(t.db, userId, [basic], settings, schedulerFor(settings), false);
		expect(await stateOf(userId, basic)).toEqual(stepwise);
	});

	it('on: a failed advanced card brings its two weakest prerequisite cards forward', async () => {
		const { userId, basics, advanced } = await learner('on', 3);
		const [weak1, weak2, strong] = basics as [string, string, string];
		await apply(userId, strong, 4, day(2));
		const strongBefore = await stateOf(userId, strong);
		// Day 3: the cards first seen on day 0 are due days later, not already tomorrow.
		const at = day(3);
		await apply(userId, advanced, 1, at);
		for (const id of [weak1, weak2]) {
			expect((await stateOf(userId, id)).due.getTime()).toBe(Date.parse(at) + 86_400_000);
		}
		expect(await stateOf(userId, strong)).toEqual(strongBefore);
		const credits = await creditsOf(userId);
		expect(credits.map((c) => [c.cardId, c.kind]).sort()).toEqual(
			[
				[weak1, 'forward'],
				[weak2, 'forward']
			].sort()
		);
	});

	it('undoing the advanced review takes its credit back and restores the card', async () => {
		const { userId, basic, advanced } = await learner('on');
		const before = await stateOf(userId, basic);
		const source = await apply(userId, advanced, 4, day(5));
		expect((await stateOf(userId, basic)).due).not.toEqual(before.due);
		expect(await undoReview(t.db, userId, source, NOW)).toMatchObject({ status: 'undone' });
		expect(await creditsOf(userId)).toEqual([]);
		expect(await stateOf(userId, basic)).toEqual(before);
	});

	it('after a later real review of the credited card, undo leaves that review’s state', async () => {
		const { userId, basic, advanced } = await learner('on');
		const source = await apply(userId, advanced, 3, day(5));
		await apply(userId, basic, 3, day(8));
		const reviewed = await stateOf(userId, basic);
		await undoReview(t.db, userId, source, NOW);
		expect(await creditsOf(userId)).toEqual([]);
		expect(await stateOf(userId, basic)).toEqual(reviewed);
	});

	it('a late review of a credited card is replayed and the credit that still counts re-applied', async () => {
		const on = await learner('on');
		const off = await learner('off');
		for (const l of [on, off]) {
			await apply(l.userId, l.advanced, 3, day(5));
			// Made offline on day 4, synced after the credit of day 5: the log is replayed.
			await apply(l.userId, l.basic, 3, day(4));
		}
		const replayed = await stateOf(off.userId, off.basic);
		const credited = await stateOf(on.userId, on.basic);
		const [credit] = await creditsOf(on.userId);
		expect(credit?.stabilityBefore).toBeCloseTo(replayed.stability, 10);
		expect(credited.stability).toBe(credit?.stabilityAfter);
		expect(credited.stability).toBeGreaterThan(replayed.stability);
		expect(credited.lastReview).toEqual(replayed.lastReview);
	});

	it('the FSRS optimiser trains on the review log only, never on credit', async () => {
		const { userId, basic, advanced } = await learner('on');
		await apply(userId, advanced, 3, day(5));
		await apply(userId, basic, 3, day(8));
		expect((await creditsOf(userId)).length).toBeGreaterThan(0);
		const settings = await getReviewSettings(t.db, userId);
		const log = await t.db.select().from(table.reviewLog).where(eq(table.reviewLog.userId, userId));
		const input = await trainingInput(t.db, userId, settings);
		expect(input.reviewCount).toBe(log.length);
		expect(input.items).toEqual(
			trainingItems(
				log.map((r) => ({ ...r, rating: r.rating as Rating })),
				settings.timezone,
				settings.dayStartHour
			)
		);
		// The credited card's history is its two real reviews, day 0 and day 8.
		expect(input.items).toContainEqual([
			{ rating: 4, deltaT: 0 },
			{ rating: 3, deltaT: 8 }
		]);
	});

	it('the setting and the credit survive an account export and import; bad values are refused', async () => {
		const { userId, basic, advanced } = await learner('on');
		const bad = validate(reviewSettingsSchema, {
			...settingsForm(await getReviewSettings(t.db, userId)),
			creditPrerequisites: 'maybe'
		});
		expect(bad).toMatchObject({ ok: false, errors: { creditPrerequisites: expect.any(String) } });
		const before = await stateOf(userId, basic);
		const source = await apply(userId, advanced, 3, day(5));
		const doc = JSON.parse(JSON.stringify(await exportLearner(t.db, userId, NOW)));
		expect(doc.tables.review_settings[0].credit_prerequisites).toBe(true);
		expect(doc.tables.review_credit).toHaveLength(1);

		const orphan = structuredClone(doc);
		orphan.tables.review_credit[0].review_id = crypto.randomUUID();
		const refused = await importLearner(t.db, (await makeUser(t.db)).id, orphan);
		expect(refused).toMatchObject({ ok: false, status: 400 });
		expect(refused.ok || refused.message).toMatch(/^tables\.review_credit\[0\]\.review_id: /);

		const fresh = await makeUser(t.db);
		expect(await importLearner(t.db, fresh.id, doc)).toMatchObject({ ok: true });
		expect((await getReviewSettings(t.db, fresh.id)).creditPrerequisites).toBe(true);
		const strip = (rows: { userId: string }[]) => rows.map((r) => ({ ...r, userId: '' }));
		expect(strip(await creditsOf(fresh.id))).toEqual(strip(await creditsOf(userId)));
		// Undo still takes the credit back in the new account.
		await undoReview(t.db, fresh.id, source, NOW);
		expect(await creditsOf(fresh.id)).toEqual([]);
		expect({ ...(await stateOf(fresh.id, basic)), userId }).toEqual(before);
	});
});
