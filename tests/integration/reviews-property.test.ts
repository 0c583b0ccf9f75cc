// Issue 7's property, against a real database: any reordering or duplication of a set of
// reviews, sent in any batches, gives the same log and card states as sending it once, sorted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import type { ReviewBody } from '../fixtures/reviews';
import * as table from '$lib/server/db/schema';
import { applyReviews } from '$lib/server/reviews';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-06-01T12:00:00Z');
const T0 = Date.parse('2025-02-01T08:00:00Z');
const CARDS = ['ab-testing-001', 'ab-testing-002', 'docker-001'];

async function snapshot(userId: string) {
	const log = await t.db
		.select()
		.from(table.reviewLog)
		.where(eq(table.reviewLog.userId, userId))
		.orderBy(asc(table.reviewLog.reviewedAt), asc(table.reviewLog.id));
	const states = await t.db
		.select()
		.from(table.cardState)
		.where(eq(table.cardState.userId, userId))
		.orderBy(asc(table.cardState.cardId));
	return {
		log: log.map(({ userId: _u, receivedAt: _r, ...rest }) => rest),
		states: states.map(({ userId: _u, ...rest }) => rest)
	};
}

/** Without the due dates, which load balancing may place on another day inside the window. */
function memoryOnly(snap: Awaited<ReturnType<typeof snapshot>>) {
	return {
		log: snap.log.map(({ dueAfter: _d, ...rest }) => rest),
		states: snap.states.map(({ due: _d, scheduledDays: _s, ...rest }) => rest)
	};
}

function reviewsArb(cards: string[]) {
	return fc
		.uniqueArray(
			fc.record({
				id: fc.uuid({ version: 4 }),
				cardId: fc.constantFrom(...cards),
				rating: fc.constantFrom(1, 2, 3, 4),
				minute: fc.integer({ min: 0, max: 90 * 24 * 60 })
			}),
			{ minLength: 1, maxLength: 8, selector: (r) => r.id }
		)
		.map((list) =>
			list.map<ReviewBody>((r) => ({
				id: r.id,
				cardId: r.cardId,
				rating: r.rating,
				reviewedAt: new Date(T0 + r.minute * 60_000).toISOString(),
				durationMs: 1000
			}))
		);
}

/** The set, shuffled, with some reviews repeated, cut into batches. */
function deliveriesArb(cards: string[]) {
	return reviewsArb(cards).chain((reviews) =>
		fc
			.tuple(fc.shuffledSubarray(reviews, { minLength: reviews.length }), fc.subarray(reviews))
			.chain(([shuffled, again]) =>
				fc.tuple(
					fc.shuffledSubarray([...shuffled, ...again], {
						minLength: shuffled.length + again.length
					}),
					fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 20, maxLength: 20 })
				)
			)
			.map(([arrivals, sizes]) => {
				const batches: ReviewBody[][] = [];
				for (let i = 0, b = 0; i < arrivals.length; b++) {
					const size = sizes[b % sizes.length] ?? 1;
					batches.push(arrivals.slice(i, i + size));
					i += size;
				}
				return { reviews, batches };
			})
	);
}

async function sendSorted(userId: string, reviews: ReviewBody[]) {
	const sorted = [...reviews].sort((a, b) =>
		a.reviewedAt === b.reviewedAt ? (a.id < b.id ? -1 : 1) : a.reviewedAt < b.reviewedAt ? -1 : 1
	);
	for (const r of sorted) await applyReviews(t.db, userId, [r], NOW);
}

// Review ids are global, so the two learners get the same reviews under different ids.
const renamed = (reviews: ReviewBody[], salt: string) =>
	reviews.map((r) => ({ ...r, id: r.id.slice(0, -4) + salt }));

describe('reviews in any order, any batches, with duplicates', () => {
	it('one card: the same log and state, due dates included', async () => {
		await fc.assert(
			fc.asyncProperty(deliveriesArb(['ab-testing-001']), async ({ reviews, batches }) => {
				const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
				for (const batch of batches) await applyReviews(t.db, a.id, renamed(batch, 'aaaa'), NOW);
				await sendSorted(b.id, renamed(reviews, 'bbbb'));
				const [got, want] = [await snapshot(a.id), await snapshot(b.id)];
				const strip = (s: typeof got) => ({ ...s, log: s.log.map(({ id: _i, ...r }) => r) });
				expect(strip(got)).toEqual(strip(want));
			}),
			{ numRuns: 12 }
		);
	});

	it('several cards: the same log and memory; due dates inside the same fuzz window', async () => {
		await fc.assert(
			fc.asyncProperty(deliveriesArb(CARDS), async ({ reviews, batches }) => {
				const [a, b] = [await makeUser(t.db), await makeUser(t.db)];
				for (const batch of batches) await applyReviews(t.db, a.id, renamed(batch, 'cccc'), NOW);
				await sendSorted(b.id, renamed(reviews, 'dddd'));
				const [got, want] = [await snapshot(a.id), await snapshot(b.id)];
				const strip = (s: ReturnType<typeof memoryOnly>) => ({
					...s,
					log: s.log.map(({ id: _i, ...r }) => r)
				});
				expect(strip(memoryOnly(got))).toEqual(strip(memoryOnly(want)));
				expect(got.log).toHaveLength(reviews.length);
				// Load balancing moves a due date by at most the fuzz range (≤ 5% + a few days).
				got.states.forEach((s, i) => {
					const other = want.states[i]!;
					const spread = Math.max(3, Math.ceil(other.scheduledDays * 0.15) + 1);
					expect(Math.abs(s.scheduledDays - other.scheduledDays)).toBeLessThanOrEqual(spread);
				});
			}),
			{ numRuns: 12 }
		);
	});
});
