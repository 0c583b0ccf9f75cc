import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { review } from '../fixtures/reviews';
import { applyReviews, currentStreak, getStats } from '$lib/server/reviews';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-03-12T12:00:00Z');

describe('the stats page’s numbers from the database', () => {
	it('counts what the log holds', async () => {
		const user = await makeUser(t.db);
		await applyReviews(
			t.db,
			user.id,
			[
				review('docker-001', 3, '2025-03-01T09:00:00Z'), // new → learning
				review('docker-001', 3, '2025-03-01T09:10:00Z'), // learning → review
				review('docker-001', 1, '2025-03-04T09:00:00Z'), // review: forgotten
				review('docker-001', 3, '2025-03-04T09:10:00Z'), // relearning → review
				review('docker-001', 3, '2025-03-10T09:00:00Z') // review: remembered
			],
			NOW
		);
		const stats = await getStats(t.db, user.id, NOW);
		expect(stats.today).toBe('2025-03-12');
		expect(stats.totalReviews).toBe(5);
		// Two reviews of the card in review state, one remembered.
		expect(stats.retention).toEqual({ reviews: 2, passed: 1, retention: 0.5 });
		expect(stats.desiredRetention).toBe(0.9);
		const days = Object.fromEntries(
			stats.heatmap.filter((c) => c.count).map((c) => [c.day, c.count])
		);
		expect(days).toEqual({ '2025-03-01': 2, '2025-03-04': 2, '2025-03-10': 1 });
		expect(stats.heatmap.at(-1)?.day).toBe('2025-03-12');
		expect(stats.heatmap[0]?.day).toBe('2024-09-15'); // a Sunday, 26 weeks back
		expect(stats.forecast).toHaveLength(30);
		expect(stats.forecast.reduce((s, d) => s + d.count, 0)).toBe(1);
		// The 10th counts; the 11th had nothing due; today is not over.
		expect(stats.streak.current).toBe(1);
		expect(await currentStreak(t.db, user.id, NOW)).toBe(1);
		expect(stats.mastery).toEqual([
			expect.objectContaining({ skillId: 'docker', level: 1, reviewed: 1, name: 'docker' })
		]);
		// One card of the level, its memory proven over the 9 days since its first review but
		// cut back by the lapse on the 4th: some mastery, far from all.
		expect(stats.mastery[0]?.mastery).toBeGreaterThan(0);
		expect(stats.mastery[0]?.mastery).toBeLessThan(0.2);
	});
});
