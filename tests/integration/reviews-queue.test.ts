import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import * as table from '$lib/server/db/schema';
import { getDeckSource } from '$lib/server/content';
import { validate } from '$lib/server/validation';
import {
	applyReviews,
	getQueue,
	getReviewSettings,
	newCardsForToday,
	reviewSettingsSchema,
	saveReviewSettings,
	setCardFlag
} from '$lib/server/reviews';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-03-20T12:00:00Z');

async function learnerAimingAtDocker() {
	const user = await makeUser(t.db);
	await t.db.insert(table.target).values({
		id: crypto.randomUUID(),
		userId: user.id,
		name: 'Docker basics',
		roleId: null,
		skills: [{ id: 'docker', targetLevel: 1, importance: 'must', weight: 1 }],
		active: true,
		createdAt: NOW,
		updatedAt: NOW
	});
	return user;
}

const dockerLevel1 = getDeckSource()
	.filter((c) => c.skillId === 'docker' && c.level === 1 && !c.retired)
	.map((c) => c.id)
	.sort();

describe('new cards for today', () => {
	it('takes the learner’s own new cards first, then the gap skills’ cards, lowest level first', async () => {
		const user = await learnerAimingAtDocker();
		const own = await makePersonalCard(t.db, user.id);
		const fresh = await newCardsForToday(t.db, user.id, NOW);
		expect(fresh.limit).toBe(10);
		expect(fresh.cards.map((c) => c.id)).toEqual([own, ...dockerLevel1]);
	});

	it('counts cards started today against the daily limit', async () => {
		const user = await learnerAimingAtDocker();
		const settings = await getReviewSettings(t.db, user.id);
		await saveReviewSettings(
			t.db,
			user.id,
			{ ...settings, newCardsPerDay: 3, learningSteps: ['1m'], relearningSteps: [] },
			NOW
		);
		await applyReviews(t.db, user.id, [review(dockerLevel1[0]!, 3, '2025-03-20T08:00:00Z')], NOW);
		// A card started yesterday does not count.
		await applyReviews(t.db, user.id, [review(dockerLevel1[1]!, 3, '2025-03-20T03:00:00Z')], NOW);
		const fresh = await newCardsForToday(t.db, user.id, NOW);
		expect(fresh.startedToday).toBe(1);
		expect(fresh.cards.map((c) => c.id)).toEqual(dockerLevel1.slice(2, 4));
	});
});

describe('GET /api/queue', () => {
	it('gives due cards most at risk first, new cards between them, and all a phone needs offline', async () => {
		const user = await learnerAimingAtDocker();
		const own = await makePersonalCard(t.db, user.id);
		// Two cards due: one seen once six weeks ago (weak), one learnt well in January.
		await applyReviews(
			t.db,
			user.id,
			[
				review('ab-testing-001', 3, '2025-02-01T09:00:00Z'),
				review('ab-testing-002', 3, '2025-01-05T09:00:00Z'),
				review('ab-testing-002', 3, '2025-01-05T09:10:00Z'),
				review('ab-testing-002', 3, '2025-01-08T09:00:00Z'),
				review('ab-testing-002', 3, '2025-01-20T09:00:00Z'),
				review('ab-testing-003', 4, '2025-03-19T09:00:00Z') // not due yet
			],
			NOW
		);
		const queue = await getQueue(t.db, user.id, NOW);
		expect(queue).toMatchObject({
			day: '2025-03-20',
			dayStart: '2025-03-20T04:00:00.000Z',
			dayEnd: '2025-03-21T04:00:00.000Z',
			timezone: 'UTC',
			doneToday: 0,
			newToday: 0,
			newLimit: 10,
			counts: { due: 2, new: 5, deferred: 0 },
			catchUp: null
		});
		expect(queue.scheduler.w).toHaveLength(21);
		expect(queue.scheduler).toMatchObject({ desiredRetention: 0.9, learningSteps: ['1m', '10m'] });
		const ids = queue.cards.map((c) => c.id);
		expect(ids.filter((id) => id.startsWith('ab-testing'))).toEqual([
			'ab-testing-001',
			'ab-testing-002'
		]);
		expect(ids[0]).toBe('ab-testing-001');
		expect(ids.slice(1, 4)).toContain(own);
		const [risky, , second] = queue.cards;
		expect(risky?.retrievability).toBeLessThan(
			queue.cards.find((c) => c.id === 'ab-testing-002')?.retrievability ?? 0
		);
		expect(risky).toMatchObject({
			skillId: 'ab-testing',
			skillName: expect.any(String),
			isNew: false,
			personal: false,
			resourcesUrl: '/skills/ab-testing',
			state: { state: 'learning', reps: 1 }
		});
		expect(risky?.front).toMatch(/<p>/);
		expect(risky?.previews.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
		const mine = queue.cards.find((c) => c.id === own);
		expect(mine).toMatchObject({ isNew: true, personal: true, state: null, retrievability: null });
		expect(mine?.resourcesUrl).toBeUndefined();
		// A new card rated Again comes back in a minute: the client gets what rating it then gives.
		const again = mine?.previews[0];
		expect(again).toMatchObject({ rating: 1, label: '1m', due: '2025-03-20T12:01:00.000Z' });
		expect(again?.next?.map((p) => p.rating)).toEqual([1, 2, 3, 4]);
		expect(mine?.previews[3]?.next).toBeUndefined(); // Easy: days away
		expect(second).toBeDefined();
	});

	it('leaves out buried and suspended cards', async () => {
		const user = await makeUser(t.db);
		await applyReviews(
			t.db,
			user.id,
			[
				review('ab-testing-001', 3, '2025-02-01T09:00:00Z'),
				review('ab-testing-002', 3, '2025-02-01T09:00:00Z')
			],
			NOW
		);
		await setCardFlag(t.db, user.id, 'ab-testing-001', 'bury', NOW);
		expect((await getQueue(t.db, user.id, NOW)).cards.map((c) => c.id)).toEqual(['ab-testing-002']);
		await setCardFlag(t.db, user.id, 'ab-testing-002', 'suspend', NOW);
		expect((await getQueue(t.db, user.id, NOW)).cards).toEqual([]);
		// Tomorrow the bury is over.
		const tomorrow = await getQueue(t.db, user.id, new Date('2025-03-21T12:00:00Z'));
		expect(tomorrow.cards.map((c) => c.id)).toEqual(['ab-testing-001']);
	});

	it('spreads a backlog after a break over a few days, most at risk first, no new cards', async () => {
		const user = await learnerAimingAtDocker();
		const deck = getDeckSource()
			.filter((c) => !c.retired && c.skillId !== 'docker')
			.slice(0, 70);
		await applyReviews(
			t.db,
			user.id,
			deck.map((c, i) =>
				review(c.id, 3, new Date(Date.parse('2025-01-01T09:00:00Z') + i * 3600_000).toISOString())
			),
			NOW
		);
		const queue = await getQueue(t.db, user.id, NOW);
		expect(queue.catchUp).toEqual({ backlog: 70, perDay: [35, 35] });
		expect(queue.counts).toEqual({ due: 35, new: 0, deferred: 35 });
		const r = queue.cards.map((c) => c.retrievability ?? 1);
		expect(r).toEqual([...r].sort((a, b) => a - b));
	});
});

describe('review settings', () => {
	it('validates like the form and saves', async () => {
		const user = await makeUser(t.db);
		const bad = validate(reviewSettingsSchema, {
			desiredRetention: '0.99',
			maximumInterval: '0',
			learningSteps: '1d',
			relearningSteps: '10m',
			timezone: 'Mars/Base',
			dayStartHour: '24',
			newCardsPerDay: '-1'
		});
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(Object.keys(bad.errors).sort()).toEqual(
				[
					'dayStartHour',
					'desiredRetention',
					'learningSteps',
					'maximumInterval',
					'newCardsPerDay',
					'timezone'
				].sort()
			);
		const good = validate(reviewSettingsSchema, {
			desiredRetention: '0.85',
			maximumInterval: '365',
			learningSteps: '5m 30m',
			relearningSteps: ['15m'],
			timezone: 'Europe/Berlin',
			dayStartHour: 3,
			newCardsPerDay: '15'
		});
		expect(good.ok).toBe(true);
		if (!good.ok) return;
		await saveReviewSettings(t.db, user.id, good.data, NOW);
		const saved = await getReviewSettings(t.db, user.id);
		expect(saved).toMatchObject({
			desiredRetention: 0.85,
			maximumInterval: 365,
			learningSteps: ['5m', '30m'],
			relearningSteps: ['15m'],
			timezone: 'Europe/Berlin',
			dayStartHour: 3,
			newCardsPerDay: 15,
			lightDays: [6, 0]
		});
		const [row] = await t.db.select().from(table.user).where(eq(table.user.id, user.id));
		expect(row?.timezone).toBe('Europe/Berlin');
	});
});
