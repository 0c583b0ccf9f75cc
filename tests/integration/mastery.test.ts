// Issue 14: "Stats showed 100 % mastery for skills studied minutes before." Mastery grows with
// evidence over days; the gap's cap keeps a rating that studied cards do not contradict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { review } from '../fixtures/reviews';
import { getDeckSource } from '$lib/server/content';
import { recordRatings } from '$lib/server/assessments/store';
import { evidencedLevels } from '$lib/server/gap';
import { applyReviews, getStats } from '$lib/server/reviews';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const docker1 = getDeckSource()
	.filter((c) => c.skillId === 'docker' && c.level === 1 && !c.retired)
	.map((c) => c.id);

/** Every level-1 Docker card rated `rating` at `at` (ISO), a second apart. */
const sitting = (rating: number, at: string) =>
	docker1.map((id, i) => review(id, rating, new Date(Date.parse(at) + i * 1000).toISOString()));

const masteryOf = async (userId: string, now: string) =>
	(await getStats(t.db, userId, new Date(now))).mastery.find((m) => m.skillId === 'docker')!;

describe('mastery on /stats', () => {
	it('is not claimed by one sitting, and grows as later days confirm the memory', async () => {
		const u = await makeUser(t.db);
		// One sitting: every card of the level, answered Easy three times in a row.
		for (const minute of ['09:00', '09:05', '09:10'])
			await applyReviews(
				t.db,
				u.id,
				sitting(4, `2026-03-02T${minute}:00Z`),
				new Date('2026-03-02T09:20:00Z')
			);
		const minutesLater = await masteryOf(u.id, '2026-03-02T09:30:00Z');
		expect(minutesLater).toMatchObject({
			level: 1,
			reviewed: docker1.length,
			cards: docker1.length
		});
		expect(minutesLater.mastery).toBeLessThan(0.01);

		await applyReviews(
			t.db,
			u.id,
			sitting(3, '2026-03-09T09:00:00Z'),
			new Date('2026-03-09T09:10:00Z')
		);
		const aWeekOn = (await masteryOf(u.id, '2026-03-09T10:00:00Z')).mastery!;
		expect(aWeekOn).toBeGreaterThan(0.2);
		expect(aWeekOn).toBeLessThan(0.5);

		await applyReviews(
			t.db,
			u.id,
			sitting(3, '2026-04-20T09:00:00Z'),
			new Date('2026-04-20T09:10:00Z')
		);
		expect((await masteryOf(u.id, '2026-04-20T10:00:00Z')).mastery).toBeGreaterThan(0.95);
	});
});

describe('the gap’s evidence cap', () => {
	it('keeps a rating while the studied cards are remembered, even when only the next level’s are', async () => {
		const u = await makeUser(t.db);
		await recordRatings(
			t.db,
			u.id,
			[{ skillId: 'docker', level: 2 }],
			'self',
			new Date('2026-03-02T08:00:00Z')
		);
		const level3 = getDeckSource().find((c) => c.skillId === 'docker' && c.level === 3)!;
		await applyReviews(
			t.db,
			u.id,
			[review(level3.id, 3, '2026-03-02T09:00:00Z')],
			new Date('2026-03-02T09:00:00Z')
		);
		const docker = (await evidencedLevels(t.db, u.id, new Date('2026-03-02T10:00:00Z'))).get(
			'docker'
		)!;
		expect(docker).toMatchObject({ selfRated: 2, current: 2, hasEvidence: true });
	});

	it('lowers it where the studied cards of a level are forgotten', async () => {
		const u = await makeUser(t.db);
		await recordRatings(
			t.db,
			u.id,
			[{ skillId: 'docker', level: 2 }],
			'self',
			new Date('2025-01-01T08:00:00Z')
		);
		await applyReviews(
			t.db,
			u.id,
			sitting(1, '2025-01-02T09:00:00Z'),
			new Date('2025-01-02T09:10:00Z')
		);
		const docker = (await evidencedLevels(t.db, u.id, new Date('2026-03-02T10:00:00Z'))).get(
			'docker'
		)!;
		expect(docker.current).toBe(0);
		expect(docker.levels[0]!.meanRetrievability).toBeLessThan(0.6);
	});
});
