// GET /api/queue's counts and what a device adds to them agree with the server at every step:
// cards due later today are counted apart (with the time of the next), reviews the server has
// are named by id so a device never counts a synced review twice, and the done screen's
// streak and tomorrow, worked out on the device, are what the server says afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import { applyReviews, getQueue, getReviewSettings, saveReviewSettings } from '$lib/server/reviews';
import { todayCounts, type DeviceAction } from '$lib/core/today-counts';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-03-20T13:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

type Settings = Parameters<typeof saveReviewSettings>[2];

async function learner(learningSteps: Settings['learningSteps']) {
	const user = await makeUser(t.db);
	const settings = await getReviewSettings(t.db, user.id);
	await saveReviewSettings(t.db, user.id, { ...settings, learningSteps }, NOW);
	const cards = [];
	for (let i = 0; i < 4; i += 1) cards.push(await makePersonalCard(t.db, user.id));
	return { user, cards };
}

/** The device's journal after these reviews synced. */
function synced(reviews: ReturnType<typeof review>[]): DeviceAction[] {
	return reviews.map((r) => ({
		kind: 'review',
		id: r.id,
		cardId: r.cardId,
		rating: r.rating,
		reviewedAt: r.reviewedAt,
		state: 'synced',
		createdAt: Date.parse(r.reviewedAt)
	}));
}

describe('the queue’s counts', () => {
	it('counts cards due later today apart, with when the first comes back', async () => {
		const { user, cards } = await learner(['1m', '30m']);
		const made = [
			review(cards[0]!, 3, minutes(-5).toISOString()), // Good: 30 min, due in 25
			review(cards[1]!, 1, minutes(-2).toISOString()) // Again: a minute, due now
		];
		await applyReviews(t.db, user.id, made, NOW);
		const queue = await getQueue(t.db, user.id, NOW);
		expect(queue).toMatchObject({
			doneToday: 2,
			counts: { due: 1, new: 2, deferred: 0 },
			later: 1,
			nextDue: minutes(25).toISOString(),
			tomorrowEnd: '2025-03-22T04:00:00.000Z',
			streak: 1
		});
		expect(queue.reviewIds.sort()).toEqual(made.map((r) => r.id).sort());
		expect(queue.cards.find((c) => c.id === cards[0])?.due).toBe(minutes(25).toISOString());
	});

	it('never counts twice what a device synced: the report’s 28 done, 0 left was 24 and 4', async () => {
		const { user, cards } = await learner(['1m', '30m']);
		// Earlier today, 20 reviews of other cards; then these four, each due back later today.
		const earlier = [];
		for (let i = 0; i < 20; i += 1) {
			earlier.push(
				review(await makePersonalCard(t.db, user.id), 4, minutes(-60 + i).toISOString())
			);
		}
		const four = cards.map((id) => review(id, 3, minutes(-3).toISOString()));
		await applyReviews(t.db, user.id, [...earlier, ...four], NOW);
		const queue = await getQueue(t.db, user.id, NOW);
		expect(queue).toMatchObject({ doneToday: 24, counts: { due: 0 }, later: 4 });
		// The device still remembers all 24 as synced, minutes before the queue was made.
		const counts = todayCounts(queue, synced([...earlier, ...four]), NOW.getTime());
		expect(counts).toMatchObject({ done: 24, due: 0, nextAt: queue.nextDue });
		expect(counts.later.map((c) => c.id).sort()).toEqual([...cards].sort());
	});

	it('gives on the device, before any sync, the streak and tomorrow the server gives after', async () => {
		const { user, cards } = await learner(['1m', '10m']);
		const before = await getQueue(t.db, user.id, NOW);
		expect(before).toMatchObject({ doneToday: 0, streak: 0, tomorrow: 0 });
		const card = before.cards.find((c) => c.id === cards[0])!;
		// Again, then Easy on the card shown again a minute later: due tomorrow.
		const again = review(card.id, 1, minutes(1).toISOString());
		const easy = review(card.id, 4, minutes(2).toISOString());
		const offline: DeviceAction[] = synced([again, easy]).map((a) => ({ ...a, state: 'pending' }));
		const device = todayCounts(before, offline, minutes(2).getTime());
		expect(device).toMatchObject({ done: 2, streak: 1, tomorrow: 1 });

		await applyReviews(t.db, user.id, [again, easy], minutes(3));
		const after = await getQueue(t.db, user.id, minutes(3));
		expect(after).toMatchObject({ doneToday: 2, streak: 1, tomorrow: 1 });
		expect(todayCounts(after, synced([again, easy]), minutes(3).getTime())).toMatchObject({
			done: 2,
			streak: 1,
			tomorrow: 1
		});
	});
});
