import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import * as table from '$lib/server/db/schema';
import { applyReviews, setCardFlag, undoReview } from '$lib/server/reviews';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-03-20T12:00:00Z');
const DECK = 'ab-testing-001';

async function logOf(userId: string) {
	return t.db
		.select()
		.from(table.reviewLog)
		.where(eq(table.reviewLog.userId, userId))
		.orderBy(asc(table.reviewLog.reviewedAt));
}

async function stateOf(userId: string, cardId: string) {
	const [row] = await t.db
		.select()
		.from(table.cardState)
		.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, cardId)));
	return row;
}

/** The state without bookkeeping that may legitimately differ (nothing, today). */
const comparable = (row: Awaited<ReturnType<typeof stateOf>>) => row && { ...row, userId: 'x' };

describe('applying reviews', () => {
	it('stores the review, its derived columns and the card’s new state', async () => {
		const user = await makeUser(t.db);
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		const [result] = await applyReviews(t.db, user.id, [r], NOW);
		expect(result).toMatchObject({ id: r.id, status: 'applied', card: { id: DECK, reps: 1 } });
		expect(result?.card?.previews).toHaveLength(4);
		const [row] = await logOf(user.id);
		expect(row).toMatchObject({
			id: r.id,
			cardId: DECK,
			rating: 3,
			durationMs: 4200,
			stateBefore: 0
		});
		expect(row?.reviewedAt.toISOString()).toBe('2025-03-20T09:00:00.000Z');
		const state = await stateOf(user.id, DECK);
		expect(state?.reps).toBe(1);
		expect(state?.skillId).toBe('ab-testing');
		expect(state?.due.getTime()).toBe(row?.dueAfter?.getTime());
	});

	it('applies the same review sent twice at once exactly once', async () => {
		const user = await makeUser(t.db);
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		const [a, b] = await Promise.all([
			applyReviews(t.db, user.id, [r], NOW),
			applyReviews(t.db, user.id, [r], NOW)
		]);
		const statuses = [a[0]?.status, b[0]?.status].sort();
		expect(statuses).toEqual(['applied', 'duplicate']);
		expect(await logOf(user.id)).toHaveLength(1);
		expect((await stateOf(user.id, DECK))?.reps).toBe(1);
	});

	it('answers a retry after a lost response with the stored result and changes nothing', async () => {
		const user = await makeUser(t.db);
		const r = review(DECK, 4, '2025-03-20T09:00:00Z');
		const [first] = await applyReviews(t.db, user.id, [r], NOW);
		const before = await stateOf(user.id, DECK);
		const [retry] = await applyReviews(t.db, user.id, [r, r], new Date(NOW.getTime() + 60_000));
		expect(retry).toMatchObject({ id: r.id, status: 'duplicate' });
		expect(retry?.card?.due).toBe(first?.card?.due);
		expect(await stateOf(user.id, DECK)).toEqual(before);
		expect(await logOf(user.id)).toHaveLength(1);
	});

	it('slots a late review from a second device into its place', async () => {
		const [late, sorted] = [await makeUser(t.db), await makeUser(t.db)];
		const r1 = review(DECK, 3, '2025-03-01T09:00:00Z');
		const r2 = review(DECK, 3, '2025-03-03T09:00:00Z');
		const r3 = review(DECK, 1, '2025-03-12T09:00:00Z');
		const r4 = review(DECK, 3, '2025-03-12T09:15:00Z');
		await applyReviews(t.db, late.id, [r1, r3], NOW);
		await applyReviews(t.db, late.id, [r4], NOW);
		const [slotted] = await applyReviews(t.db, late.id, [r2], NOW);
		expect(slotted?.status).toBe('applied');
		await applyReviews(
			t.db,
			sorted.id,
			[r1, r2, r3, r4].map((r) => ({ ...r, id: crypto.randomUUID() })),
			NOW
		);
		const [a, b] = [await stateOf(late.id, DECK), await stateOf(sorted.id, DECK)];
		// Same memory; with no other cards the due date is the same too.
		expect(comparable(a)).toEqual(comparable(b));
		const log = await logOf(late.id);
		expect(log.map((r) => r.id)).toEqual([r1.id, r2.id, r3.id, r4.id]);
		expect(log.map((r) => r.stateBefore)).toEqual(
			(await logOf(sorted.id)).map((r) => r.stateBefore)
		);
	});

	it('rejects bad reviews one by one and still applies the good ones', async () => {
		const [user, other] = [await makeUser(t.db), await makeUser(t.db)];
		const theirs = await makePersonalCard(t.db, other.id);
		const mine = await makePersonalCard(t.db, user.id);
		const good = review(mine, 3, '2025-03-20T09:00:00Z');
		const batch = [
			review(DECK, 3, '2025-03-20T12:03:00Z'), // 3 minutes in the future
			review(DECK, 3, '2025-03-20T12:01:30Z'), // within the 2-minute skew: accepted
			{ ...review(DECK, 3, '2025-03-20T09:00:00Z'), id: 'not-a-uuid' },
			review(DECK, 5, '2025-03-20T09:00:00Z'),
			review(DECK, 3, 'yesterday'),
			review(DECK, 3, '2023-01-01T09:00:00Z'),
			{ ...review(DECK, 3, '2025-03-20T09:00:00Z'), durationMs: 3_600_001 },
			review(theirs, 3, '2025-03-20T09:00:00Z'),
			review('no-such-card-999', 3, '2025-03-20T09:00:00Z'),
			null,
			good
		];
		const results = await applyReviews(t.db, user.id, batch, NOW);
		expect(results.map((r) => r.status)).toEqual([
			'rejected',
			'applied',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'rejected',
			'applied'
		]);
		expect(results[0]?.reason).toMatch(/future/);
		expect(results[2]).toMatchObject({ id: 'not-a-uuid', reason: expect.stringMatching(/UUID/) });
		expect(results[3]?.reason).toMatch(/rating/);
		expect(results[4]?.reason).toMatch(/ISO/);
		expect(results[5]?.reason).toMatch(/year/);
		expect(results[6]?.reason).toMatch(/hour/);
		expect(results[7]?.reason).toBe('No such card for this learner.');
		expect(results[8]?.reason).toBe('No such card for this learner.');
		expect(results[9]?.id).toBeNull();
		expect((await logOf(user.id)).map((r) => r.cardId).sort()).toEqual([DECK, mine].sort());
		expect(await logOf(other.id)).toHaveLength(0);
		expect(await stateOf(user.id, theirs)).toBeUndefined();
	});

	it('rejects a reviewedAt that names a day that does not exist, and only that review', async () => {
		const user = await makeUser(t.db);
		const good = review(DECK, 3, '2025-02-28T09:00:00Z');
		const batch = [
			review(DECK, 3, '2025-02-29T09:00:00Z'), // 2025 is not a leap year: not 1 March
			review(DECK, 3, '2025-02-30T09:00:00+01:00'),
			review(DECK, 3, '2024-11-31T09:00:00Z'),
			good
		];
		const results = await applyReviews(t.db, user.id, batch, NOW);
		expect(results.slice(0, 3)).toEqual(
			batch.slice(0, 3).map((r) => ({
				id: r.id,
				status: 'rejected',
				reason: expect.stringMatching(
					/reviewedAt names a day that does not exist \(20\d\d-\d\d-\d\d\)/
				)
			}))
		);
		expect(results[3]).toMatchObject({ id: good.id, status: 'applied' });
		expect((await logOf(user.id)).map((r) => r.id)).toEqual([good.id]);
	});

	it('refuses a review id already used for another review of the same learner', async () => {
		const a = await makeUser(t.db);
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		await applyReviews(t.db, a.id, [r], NOW);
		const [changed] = await applyReviews(t.db, a.id, [{ ...r, rating: 1 }], NOW);
		expect(changed).toEqual({
			id: r.id,
			status: 'rejected',
			reason: 'This review id is already used.'
		});
	});

	it('answers another learner’s review id exactly as a fresh one: nothing can be probed', async () => {
		const [a, b, c] = [await makeUser(t.db), await makeUser(t.db), await makeUser(t.db)];
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		await applyReviews(t.db, a.id, [r], NOW);
		const [reused] = await applyReviews(t.db, b.id, [{ ...r, rating: 1 }], NOW);
		const [fresh] = await applyReviews(
			t.db,
			c.id,
			[{ ...r, rating: 1, id: crypto.randomUUID() }],
			NOW
		);
		expect({ ...reused, id: 'x' }).toEqual({ ...fresh, id: 'x' });
		expect(reused).toMatchObject({ id: r.id, status: 'applied' });
		// Each learner's review stays theirs; undoing B's leaves A's in place.
		await undoReview(t.db, b.id, r.id, NOW);
		expect((await logOf(a.id)).map((l) => [l.id, l.rating])).toEqual([[r.id, 3]]);
		expect(await logOf(b.id)).toEqual([]);
	});
});

describe('undo', () => {
	it('restores the previous state exactly and is idempotent', async () => {
		const user = await makeUser(t.db);
		const card = await makePersonalCard(t.db, user.id);
		await applyReviews(
			t.db,
			user.id,
			[
				review(card, 3, '2025-03-01T09:00:00Z'),
				review(card, 3, '2025-03-03T09:00:00Z'),
				review(card, 3, '2025-03-12T09:00:00Z')
			],
			NOW
		);
		const before = await stateOf(user.id, card);
		const logBefore = await logOf(user.id);
		const last = review(card, 1, '2025-03-20T09:00:00Z');
		await applyReviews(t.db, user.id, [last], NOW);
		expect((await stateOf(user.id, card))?.lapses).toBe(1);

		const first = await undoReview(t.db, user.id, last.id, NOW);
		expect(first).toMatchObject({ status: 'undone', cardId: card });
		expect(await stateOf(user.id, card)).toEqual(before);
		expect(await logOf(user.id)).toEqual(logBefore);

		const second = await undoReview(t.db, user.id, last.id, NOW);
		expect(second).toMatchObject({ status: 'undone' });
		expect(await stateOf(user.id, card)).toEqual(before);

		// A late retry of the undone review does not bring it back.
		const [retry] = await applyReviews(t.db, user.id, [last], NOW);
		expect(retry).toMatchObject({ status: 'duplicate', reason: 'This review was undone.' });
		expect(await logOf(user.id)).toEqual(logBefore);
	});

	it('makes a card new again when its only review is undone', async () => {
		const user = await makeUser(t.db);
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		await applyReviews(t.db, user.id, [r], NOW);
		await undoReview(t.db, user.id, r.id, NOW);
		expect(await stateOf(user.id, DECK)).toBeUndefined();
		expect(await logOf(user.id)).toHaveLength(0);
	});

	it('undoes a review in the middle as if it never arrived', async () => {
		const [user, clean] = [await makeUser(t.db), await makeUser(t.db)];
		const rs = [
			review(DECK, 3, '2025-03-01T09:00:00Z'),
			review(DECK, 1, '2025-03-03T09:00:00Z'),
			review(DECK, 3, '2025-03-03T09:10:00Z'),
			review(DECK, 3, '2025-03-08T09:00:00Z')
		];
		await applyReviews(t.db, user.id, rs, NOW);
		await undoReview(t.db, user.id, rs[1]!.id, NOW);
		await applyReviews(
			t.db,
			clean.id,
			[rs[0]!, rs[2]!, rs[3]!].map((r) => ({ ...r, id: crypto.randomUUID() })),
			NOW
		);
		expect(comparable(await stateOf(user.id, DECK))).toEqual(
			comparable(await stateOf(clean.id, DECK))
		);
	});

	it('never touches another learner’s review', async () => {
		const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		await applyReviews(t.db, a.id, [r], NOW);
		expect(await undoReview(t.db, b.id, r.id, NOW)).toEqual({ id: r.id, status: 'not-found' });
		// Not found writes nothing, not even a remembered id.
		expect(
			await t.db.select().from(table.reviewUndo).where(eq(table.reviewUndo.userId, b.id))
		).toEqual([]);
		expect(await logOf(a.id)).toHaveLength(1);
		expect((await stateOf(a.id, DECK))?.reps).toBe(1);
	});
});

describe('leeches, bury and suspend', () => {
	it('flags and suspends a card forgotten 8 times; unsuspend clears both', async () => {
		const user = await makeUser(t.db);
		const card = await makePersonalCard(t.db, user.id);
		const at = (day: number, minutes: number) =>
			new Date(Date.UTC(2025, 0, 1, 9, minutes) + day * 86_400_000).toISOString();
		const reviews = [review(card, 3, at(0, 0)), review(card, 3, at(0, 20))];
		// Eight times: forget it, then relearn it, five days apart.
		for (let lapse = 1; lapse <= 8; lapse++) {
			reviews.push(review(card, 1, at(lapse * 5, 0)));
			reviews.push(review(card, 3, at(lapse * 5, 30)));
		}
		const results = await applyReviews(t.db, user.id, reviews, NOW);
		expect(results.every((r) => r.status === 'applied')).toBe(true);
		const state = await stateOf(user.id, card);
		expect(state?.lapses).toBe(8);
		expect(state).toMatchObject({ leech: true, suspended: true });
		const seventh = results.findIndex((r) => r.card?.lapses === 8);
		expect(results[seventh]?.card).toMatchObject({ leech: true, suspended: true });

		const cleared = await setCardFlag(t.db, user.id, card, 'unsuspend', NOW);
		expect(cleared).toMatchObject({ leech: false, suspended: false });
	});

	it('buries until the learner’s day ends and suspends new cards too', async () => {
		const user = await makeUser(t.db);
		const card = await makePersonalCard(t.db, user.id);
		const buried = await setCardFlag(t.db, user.id, card, 'bury', NOW);
		expect(buried?.buriedUntil).toBe('2025-03-21T04:00:00.000Z');
		expect(buried?.state).toBe('new');
		const suspended = await setCardFlag(t.db, user.id, DECK, 'suspend', NOW);
		expect(suspended).toMatchObject({ suspended: true, state: 'new' });
		const other = await makeUser(t.db);
		expect(await setCardFlag(t.db, other.id, card, 'bury', NOW)).toBeNull();
		expect(await stateOf(other.id, card)).toBeUndefined();
	});
});

describe('a card seeded by the placement check', () => {
	it('continues from the seeded memory and returns to it on undo', async () => {
		const user = await makeUser(t.db);
		const seeded = {
			userId: user.id,
			cardId: DECK,
			skillId: 'ab-testing',
			level: 1,
			due: new Date('2025-03-25T12:00:00Z'),
			stability: 8.3,
			difficulty: 2.1,
			elapsedDays: 0,
			scheduledDays: 10,
			learningSteps: 0,
			reps: 1,
			lapses: 0,
			state: 2,
			lastReview: new Date('2025-03-15T12:00:00Z'),
			suspended: false,
			leech: false,
			buriedUntil: null
		};
		await t.db.insert(table.cardState).values(seeded);
		const r = review(DECK, 3, '2025-03-20T09:00:00Z');
		const [result] = await applyReviews(t.db, user.id, [r], NOW);
		expect(result?.card).toMatchObject({ reps: 2, state: 'review' });
		const [row] = await logOf(user.id);
		expect(row?.stateBefore).toBe(2);
		await undoReview(t.db, user.id, r.id, NOW);
		expect(await stateOf(user.id, DECK)).toEqual(seeded);
	});
});
