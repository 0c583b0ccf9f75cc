import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { review } from '../fixtures/reviews';
import { and, eq } from 'drizzle-orm';
import {
	applyReviews,
	currentStreak,
	getQueue,
	getStats,
	setCardFlag,
	undoReview
} from '$lib/server/reviews';
import { learnerCards } from '$lib/server/reviews/card-cache';
import { cardState } from '$lib/server/db/schema';
import { evidencedLevels } from '$lib/server/gap/levels';
import { recordRatings } from '$lib/server/assessments/store';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-03-12T20:00:00Z');

// The log is parsed once and kept while unchanged (log-cache.ts): every write must show at once.
describe('streak and stats kept between requests', () => {
	it('change right after a review, an undo, and a review stored where the undone one was', async () => {
		const user = await makeUser(t.db);
		await applyReviews(
			t.db,
			user.id,
			[
				review('docker-001', 3, '2025-03-10T09:00:00Z'),
				review('docker-002', 3, '2025-03-11T09:00:00Z')
			],
			NOW
		);
		expect(await currentStreak(t.db, user.id, NOW)).toBe(2);
		expect((await getStats(t.db, user.id, NOW)).totalReviews).toBe(2);

		const today = review('docker-003', 3, '2025-03-12T19:00:00Z');
		await applyReviews(t.db, user.id, [today], NOW);
		expect(await currentStreak(t.db, user.id, NOW)).toBe(3);
		expect((await getStats(t.db, user.id, NOW)).totalReviews).toBe(3);

		expect((await undoReview(t.db, user.id, today.id, NOW)).status).toBe('undone');
		expect(await currentStreak(t.db, user.id, NOW)).toBe(2);
		const afterUndo = await getStats(t.db, user.id, NOW);
		expect(afterUndo.totalReviews).toBe(2);
		expect(afterUndo.heatmap.at(-1)).toEqual({ day: '2025-03-12', count: 0 });

		// Undo the newest, then store another with nothing read in between: same count, and
		// SQLite gives the new row the undone one's rowid.
		const again = review('docker-004', 1, '2025-03-12T19:30:00Z');
		await applyReviews(t.db, user.id, [again], NOW);
		const last = await getStats(t.db, user.id, NOW);
		expect(last.totalReviews).toBe(3);
		expect(await currentStreak(t.db, user.id, NOW)).toBe(3);
		expect((await undoReview(t.db, user.id, again.id, NOW)).status).toBe('undone');
		const other = review('ab-testing-001', 4, '2025-03-09T09:00:00Z');
		await applyReviews(t.db, user.id, [other], NOW);
		const swapped = await getStats(t.db, user.id, NOW);
		expect(swapped.totalReviews).toBe(3);
		const count = (day: string) => swapped.heatmap.find((c) => c.day === day)?.count;
		expect([count('2025-03-09'), count('2025-03-12')]).toEqual([1, 0]);
		expect(await currentStreak(t.db, user.id, NOW)).toBe(3);
	});
});

// Card states and figures drawn from them are kept too, keyed by user.data_version, which
// triggers change with every write to card_state or review_log (learner-cache.ts).
describe('card states kept between requests', () => {
	it('see a change made by any path, and nothing of a transaction that rolled back', async () => {
		const user = await makeUser(t.db);
		await applyReviews(t.db, user.id, [review('docker-001', 3, '2025-03-12T09:00:00Z')], NOW);
		const ids = async () => (await getQueue(t.db, user.id, NOW)).cards.map((c) => c.id);
		expect((await getStats(t.db, user.id, NOW)).forecast.some((d) => d.count > 0)).toBe(true);

		// A write the review code never made: the cache must still see it.
		await t.db
			.update(cardState)
			.set({ due: new Date('2025-03-12T10:00:00Z') })
			.where(and(eq(cardState.userId, user.id), eq(cardState.cardId, 'docker-001')));
		expect(await ids()).toContain('docker-001');

		// Read inside a transaction that then rolls back: what it saw must not outlive it.
		await expect(
			t.db.transaction(async (tx) => {
				await tx.update(cardState).set({ suspended: true }).where(eq(cardState.userId, user.id));
				expect(await learnerCards(tx, user.id)).toMatchObject([{ suspended: true }]);
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await learnerCards(t.db, user.id)).toMatchObject([{ suspended: false }]);
		expect(await ids()).toContain('docker-001');

		await setCardFlag(t.db, user.id, 'docker-001', 'suspend', NOW);
		expect(await ids()).not.toContain('docker-001');
	});

	it('give levels asked again at the same instant anew once a rating changed', async () => {
		const user = await makeUser(t.db);
		expect((await evidencedLevels(t.db, user.id, NOW)).get('docker')).toBeUndefined();
		await recordRatings(t.db, user.id, [{ skillId: 'docker', level: 2 }], 'self', NOW);
		expect((await evidencedLevels(t.db, user.id, NOW)).get('docker')?.selfRated).toBe(2);
	});
});
