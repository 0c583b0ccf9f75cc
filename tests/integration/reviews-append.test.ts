// Review sync at speed: an in-order review never reads the card's log, and concurrent learners'
// syncs share commits (group commit) without changing any result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { review } from '../fixtures/reviews';
import type { Database } from '$lib/server/db/client';
import * as schema from '$lib/server/db/schema';
import { groupCommitOf } from '$lib/server/db/write-together';
import { applyReviews } from '$lib/server/reviews';
import { schedulerFor } from '$lib/server/reviews/scheduler';
import { getReviewSettings } from '$lib/server/reviews/settings';
import { DAY_MS, type CardMemory } from '$lib/core/scheduling';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2025-09-01T12:00:00Z');
const T0 = Date.parse('2025-03-01T08:00:00Z');
const CARD = 'ab-testing-001';
const at = (days: number) => new Date(T0 + days * 86_400_000).toISOString();

/** The same database, recording the SQL that write transactions run. */
function recording(db: Database) {
	const statements: string[] = [];
	const client = new Proxy(db.$client, {
		get(target, prop, receiver) {
			if (prop !== 'transaction') return Reflect.get(target, prop, receiver) as unknown;
			return async (mode?: 'write') => {
				const tx = await target.transaction(mode);
				return new Proxy(tx, {
					get(inner, key, r) {
						const value = Reflect.get(inner, key, r) as unknown;
						if (key === 'execute')
							return (stmt: string | { sql: string }) => {
								statements.push(typeof stmt === 'string' ? stmt : stmt.sql);
								return inner.execute(stmt as string);
							};
						return typeof value === 'function'
							? (value as (...a: unknown[]) => unknown).bind(inner)
							: value;
					}
				});
			};
		}
	}) as Client;
	return { db: drizzle(client, { schema }) as Database, statements };
}

async function stateOf(userId: string) {
	const [row] = await t.db
		.select()
		.from(schema.cardState)
		.where(and(eq(schema.cardState.userId, userId), eq(schema.cardState.cardId, CARD)));
	return row;
}

describe('in-order reviews', () => {
	it('are applied from the stored state without reading the log, as a replay would apply them', async () => {
		const [fast, late] = [await makeUser(t.db), await makeUser(t.db)];
		const ratings = [3, 3, 1, 3, 4, 2, 3, 3, 1, 3, 3, 3, 4, 3, 2, 3];
		const reviews = ratings.map((rating, i) => review(CARD, rating, at(i * 4 + (i % 3))));
		for (const r of reviews.slice(0, -1)) await applyReviews(t.db, fast.id, [r], NOW);
		const rec = recording(t.db);
		const [last] = await applyReviews(rec.db, fast.id, [reviews.at(-1)!], NOW);
		expect(last?.status).toBe('applied');
		// BEGIN, the stored-id check, the state with its latest log row, the window's
		// workload, the log insert, the state update, COMMIT — however long the log.
		expect(rec.statements.length).toBeLessThanOrEqual(7);
		expect(rec.statements.some((s) => /order by "review_log"."reviewed_at" asc/.test(s))).toBe(
			false
		);
		// The latest review is the index's last entry for the card, not a sort of its log.
		const tail = rec.statements.find((s) => s.includes('"latest"'))!;
		const plan = await t.db.$client.execute({
			sql: `explain query plan ${tail}`,
			args: [fast.id, CARD]
		});
		const steps = plan.rows.map((r) => String(r.detail));
		expect(steps.some((d) => d.includes('review_log_user_card_time'))).toBe(true);
		expect(steps.filter((d) => d.includes('TEMP B-TREE'))).toEqual([]);

		// The other learner sends the same reviews newest first: every one after the first is
		// late and replays the log. The card ends the same.
		for (const r of [...reviews].reverse())
			await applyReviews(t.db, late.id, [{ ...r, id: crypto.randomUUID() }], NOW);
		const [a, b] = [await stateOf(fast.id), await stateOf(late.id)];
		expect({ ...a, userId: '' }).toEqual({ ...b, userId: '' });
	});

	it('replays the log for a late review', async () => {
		const user = await makeUser(t.db);
		await applyReviews(t.db, user.id, [review(CARD, 3, at(0))], NOW);
		await applyReviews(t.db, user.id, [review(CARD, 3, at(10))], NOW);
		const rec = recording(t.db);
		const [result] = await applyReviews(rec.db, user.id, [review(CARD, 1, at(5))], NOW);
		expect(result?.status).toBe('applied');
		expect(rec.statements.some((s) => /order by "review_log"."reviewed_at" asc/.test(s))).toBe(
			true
		);
		const log = await t.db
			.select()
			.from(schema.reviewLog)
			.where(eq(schema.reviewLog.userId, user.id))
			.orderBy(asc(schema.reviewLog.reviewedAt));
		expect(log.map((r) => r.rating)).toEqual([3, 1, 3]);
		expect((await stateOf(user.id))?.due.getTime()).toBe(log.at(-1)?.dueAfter?.getTime());
	});
});

describe('load balancing a long interval', () => {
	/**
	 * A learner whose card, reviewed Good, gets an interval of years (a window of weeks), with
	 * one other card due on each window day `loaded` names. Returns the window and the due the
	 * review got, in days after the review.
	 */
	async function reviewAmong(loaded: (days: number, pick: number, max: number) => boolean) {
		const user = await makeUser(t.db);
		// No light days: every window day is a candidate.
		await t.db
			.insert(schema.planSettings)
			.values({ userId: user.id, lightDays: [], updatedAt: NOW });
		const last = new Date(NOW.getTime() - 2000 * DAY_MS);
		const memory: CardMemory = {
			due: NOW,
			stability: 2500,
			difficulty: 5,
			elapsedDays: 0,
			scheduledDays: 2000,
			learningSteps: 0,
			reps: 9,
			lapses: 0,
			state: 2,
			lastReview: last
		};
		const row = { userId: user.id, skillId: 'ab-testing', level: 1, ...memory };
		await t.db.insert(schema.cardState).values({ ...row, cardId: CARD });
		// The review that gave that state, so the next one is applied from the stored state.
		await t.db.insert(schema.reviewLog).values({
			id: crypto.randomUUID(),
			userId: user.id,
			cardId: CARD,
			rating: 3,
			reviewedAt: last,
			durationMs: 4000,
			receivedAt: last,
			stateBefore: 2,
			dueAfter: NOW
		});
		const settings = await getReviewSettings(t.db, user.id);
		const { window } = schedulerFor(settings).review(CARD, memory, 3, NOW);
		if (!window) throw new Error('expected a fuzz window');
		const others = [];
		for (let days = window.minDays; days <= window.maxDays; days++)
			if (loaded(days, window.fuzzedDays, window.maxDays))
				others.push({
					...row,
					cardId: `other-${days}`,
					due: new Date(NOW.getTime() + days * DAY_MS)
				});
		if (others.length) await t.db.insert(schema.cardState).values(others);
		const rec = recording(t.db);
		const [result] = await applyReviews(rec.db, user.id, [review(CARD, 3, NOW.toISOString())], NOW);
		expect(result?.status).toBe('applied');
		// Applied from the stored state: the card's log is not read.
		expect(rec.statements.some((s) => /order by "review_log"."reviewed_at" asc/.test(s))).toBe(
			false
		);
		const due = (await stateOf(user.id))!.due.getTime();
		return { window, days: (due - NOW.getTime()) / DAY_MS };
	}

	it('takes the empty day nearest the fuzz pick, the earlier of two', async () => {
		const { window, days } = await reviewAmong((d, pick) => Math.abs(d - pick) < 2);
		expect(window.maxDays - window.minDays).toBeGreaterThan(20);
		expect(days).toBe(window.fuzzedDays - 2);
	});

	it('reads the whole window when every day near the pick is taken', async () => {
		// Only the window's last day is free: far beyond the days read first.
		const { window, days } = await reviewAmong((d, _, max) => d !== max);
		expect(window.maxDays - window.fuzzedDays).toBeGreaterThan(3);
		expect(days).toBe(window.maxDays);
	});
});

describe('concurrent syncs', () => {
	it('share commits, and each learner gets exactly its own results', async () => {
		const learners = await Promise.all(Array.from({ length: 12 }, () => makeUser(t.db)));
		const before = { ...groupCommitOf(t.db)!.stats };
		const bad = { ...review(CARD, 3, at(1)), rating: 9 };
		const answers = await Promise.all(
			learners.map((l, i) =>
				applyReviews(
					t.db,
					l.id,
					i === 5 ? [bad, review(CARD, 3, at(2))] : [review(CARD, 3, at(2))],
					NOW
				)
			)
		);
		const stats = groupCommitOf(t.db)!.stats;
		expect(stats.units - before.units).toBe(12);
		expect(stats.commits - before.commits).toBeLessThan(12);
		answers.forEach((results, i) => {
			expect(results.at(-1)?.status).toBe('applied');
			if (i === 5) expect(results[0]).toMatchObject({ status: 'rejected' });
		});
		for (const l of learners) expect((await stateOf(l.id))?.reps).toBe(1);
	});
});
