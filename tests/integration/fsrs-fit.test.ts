// Personal parameters from a synthetic learner who remembers better than FSRS's defaults
// expect: the fit must describe their reviews better than the defaults do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { review, type ReviewBody } from '../fixtures/reviews';
import * as table from '$lib/server/db/schema';
import { getDeckSource } from '$lib/server/content';
import {
	DEFAULT_REVIEW_SETTINGS,
	Scheduler,
	retrievabilityOf,
	type CardMemory
} from '$lib/core/scheduling';
import { applyReviews } from '$lib/server/reviews';
import { applyFit, fitStatus, startFit } from '$lib/server/reviews/optimise';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const START = Date.parse('2024-06-01T08:00:00Z');
const NOW = new Date('2025-03-01T12:00:00Z');

/** A small deterministic PRNG (mulberry32). */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
		return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
	};
}

function syntheticLog(cards: string[]): ReviewBody[] {
	const scheduler = new Scheduler(DEFAULT_REVIEW_SETTINGS);
	const rnd = random(7);
	const log: ReviewBody[] = [];
	cards.forEach((cardId, i) => {
		let memory: CardMemory | null = null;
		let at = START + i * 3 * 3600_000;
		while (at < NOW.getTime() - 3600_000 && log.length < 600) {
			// The learner's true memory is three times as stable as the defaults assume.
			const recall: number = memory
				? retrievabilityOf(
						{ ...memory, stability: memory.stability * 3 },
						new Date(at),
						scheduler.w
					)
				: 1;
			const rating: 1 | 3 | 4 = !memory ? 3 : rnd() < recall ? (rnd() < 0.15 ? 4 : 3) : 1;
			log.push(review(cardId, rating, new Date(at).toISOString()));
			memory = scheduler.review(cardId, memory, rating, new Date(at)).memory;
			at = memory.due.getTime() + Math.floor(rnd() * 6) * 3600_000;
		}
	});
	return log;
}

describe('fitting personal FSRS parameters', () => {
	it('is not offered below 400 reviews', async () => {
		const user = await makeUser(t.db);
		await applyReviews(t.db, user.id, [review('docker-001', 3, '2025-02-01T09:00:00Z')], NOW);
		const status = await fitStatus(t.db, user.id, NOW);
		expect(status).toMatchObject({ reviews: 1, eligible: false, fit: null });
		expect((await startFit(t.db, user.id, NOW)).started).toBe(false);
	});

	it('fits in a worker, improves the fit on the learner’s own reviews, and applies on request', async () => {
		const user = await makeUser(t.db);
		const cards = getDeckSource()
			.filter((c) => !c.retired)
			.slice(0, 80)
			.map((c) => c.id);
		const log = syntheticLog(cards);
		expect(log.length).toBeGreaterThanOrEqual(400);
		const started = performance.now();
		const results = await applyReviews(t.db, user.id, log, NOW);
		console.info(`applied ${log.length} reviews in ${Math.round(performance.now() - started)} ms`);
		expect(results.every((r) => r.status === 'applied')).toBe(true);

		const run = await startFit(t.db, user.id, NOW);
		expect(run.started).toBe(true);
		expect((await fitStatus(t.db, user.id, NOW)).fit?.status).toBe('running');
		await run.done;
		const { fit } = await fitStatus(t.db, user.id, NOW);
		expect(fit?.status).toBe('done');
		expect(fit?.params).toHaveLength(21);
		expect(fit?.after?.logLoss).toBeLessThan(fit?.before?.logLoss ?? 0);
		expect(fit?.after?.rmse).toBeLessThan(fit?.before?.rmse ?? 0);

		const [before] = await t.db
			.select()
			.from(table.cardState)
			.where(and(eq(table.cardState.userId, user.id), eq(table.cardState.cardId, cards[0]!)));
		expect(await applyFit(t.db, user.id, NOW)).toBe(true);
		const [row] = await t.db.select().from(table.user).where(eq(table.user.id, user.id));
		expect(JSON.parse(row?.fsrsParams ?? 'null')).toEqual(fit?.params);
		const [after] = await t.db
			.select()
			.from(table.cardState)
			.where(and(eq(table.cardState.userId, user.id), eq(table.cardState.cardId, cards[0]!)));
		// Recomputed from the same log with the new parameters: same history, new memory.
		expect(after?.reps).toBe(before?.reps);
		expect(after?.stability).not.toBe(before?.stability);
		expect((await fitStatus(t.db, user.id, NOW)).personal).toBe(true);
	}, 120_000);
});
