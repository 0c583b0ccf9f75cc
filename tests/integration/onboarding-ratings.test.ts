// Onboarding's ratings against a real libSQL file: a rating stores what it implies apart from
// what the learner said, a later rating of their own wins, and the gap counts implied levels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import {
	latestRatings,
	nextInQueue,
	rateAndImply,
	ratingHistory,
	ratingQueue,
	recordRatings
} from '$lib/server/assessments';
import { createTarget } from '$lib/server/targets';
import { getActiveTargetGap } from '$lib/server/gap';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2026-03-01T12:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function learnerWithRagTarget() {
	const u = await makeUser(t.db);
	await createTarget(
		t.db,
		u.id,
		{
			name: 'RAG engineer',
			skills: [
				{ id: 'rag', targetLevel: 3, importance: 'must', weight: 1 },
				{ id: 'python', targetLevel: 3, importance: 'must', weight: 1 },
				{ id: 'kubernetes', targetLevel: 2, importance: 'nice', weight: 0.5 }
			],
			active: true
		},
		NOW
	);
	return u;
}

describe('onboarding ratings', () => {
	it('stores what a rating implies as implied, and counts it in the gap', async () => {
		const u = await learnerWithRagTarget();
		const implied = await rateAndImply(t.db, u.id, { skillId: 'rag', level: 3 }, NOW);
		expect(implied).toContainEqual({ skillId: 'embeddings-vector-search', level: 2 });
		expect(implied).toContainEqual({ skillId: 'model-apis', level: 2 });

		const latest = await latestRatings(t.db, u.id);
		expect(latest.get('rag')).toMatchObject({ level: 3, source: 'self' });
		expect(latest.get('embeddings-vector-search')).toMatchObject({ level: 2, source: 'implied' });

		const queue = (await ratingQueue(t.db, u.id))!;
		expect(queue.implied.get('embeddings-vector-search')).toEqual({ level: 2, by: 'rag' });
		expect(queue.rated).toEqual(new Map([['rag', 3]]));
		// Python is a must and not implied at all by RAG 3 except through embeddings (python 2).
		expect(queue.implied.get('python')).toEqual({ level: 2, by: 'rag' });
		expect(queue.progress).toMatchObject({ rated: 1, mustsLeft: 0, usable: true });

		const gap = (await getActiveTargetGap(t.db, u.id, NOW))!;
		const entry = gap.entries.find((e) => e.skillId === 'embeddings-vector-search');
		expect(entry).toMatchObject({ selfRated: 2, current: 2 });
	});

	it('lets a later rating of the learner win, and never implies over it', async () => {
		const u = await learnerWithRagTarget();
		await rateAndImply(t.db, u.id, { skillId: 'rag', level: 3 }, NOW);
		await rateAndImply(t.db, u.id, { skillId: 'embeddings-vector-search', level: 1 }, later(1));
		// Rating RAG again implies embeddings 2 again, but the learner said 1.
		const again = await rateAndImply(t.db, u.id, { skillId: 'rag', level: 4 }, later(2));
		expect(again.map((r) => r.skillId)).not.toContain('embeddings-vector-search');
		const latest = await latestRatings(t.db, u.id);
		expect(latest.get('embeddings-vector-search')).toMatchObject({ level: 1, source: 'self' });
		const history = await ratingHistory(t.db, u.id, 'embeddings-vector-search');
		expect(history.map((h) => h.source)).toEqual(['self', 'implied']);

		const queue = (await ratingQueue(t.db, u.id))!;
		expect(queue.rated.get('embeddings-vector-search')).toBe(1);
		expect(queue.implied.has('embeddings-vector-search')).toBe(false);
	});

	it('asks musts first, the most unlocking first, and skips what is implied or skipped', async () => {
		const u = await learnerWithRagTarget();
		const queue = (await ratingQueue(t.db, u.id))!;
		expect(queue.order.slice(0, 3).map((i) => i.id)).toEqual(['python', 'rag', 'kubernetes']);
		expect(queue.progress).toMatchObject({ rated: 0, implied: 0, usable: false, mustsLeft: 2 });
		expect(nextInQueue(queue, new Set())?.id).toBe('python');
		expect(nextInQueue(queue, new Set(['python']))?.id).toBe('rag');

		await rateAndImply(t.db, u.id, { skillId: 'kubernetes', level: 1 }, NOW);
		const after = (await ratingQueue(t.db, u.id))!;
		// Kubernetes 1 needs Docker 2: not asked any more.
		expect(after.implied.get('docker')).toEqual({ level: 2, by: 'kubernetes' });
		expect(nextInQueue(after, new Set(['python', 'rag']))?.id).not.toBe('docker');
	});

	it('keeps an implied level no current rating implies any more, with no source named', async () => {
		const u = await learnerWithRagTarget();
		await rateAndImply(t.db, u.id, { skillId: 'kubernetes', level: 1 }, NOW);
		await recordRatings(t.db, u.id, [{ skillId: 'kubernetes', level: 0 }], 'self', later(1));
		const queue = (await ratingQueue(t.db, u.id))!;
		expect(queue.implied.get('docker')).toEqual({ level: 2, by: null });
	});
});
