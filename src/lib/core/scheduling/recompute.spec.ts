import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recomputeCard, type StoredReview } from './recompute';
import { compareReviews, type LoggedReview } from './replay';
import { DAY_MS, Scheduler, type CardMemory, type Rating } from './scheduler';
import { DEFAULT_REVIEW_SETTINGS } from './settings';
import { addDays, type DayKey } from './day';
import type { Workload } from './balance';

const scheduler = new Scheduler(DEFAULT_REVIEW_SETTINGS);
const T0 = Date.parse('2025-01-01T08:00:00Z');

// A fixed, uneven workload, the same whatever order reviews arrive in.
const workload: Workload = {
	timezone: 'UTC',
	dayStartHour: 4,
	lightDays: [0],
	dueOn: (day: DayKey) => (day.charCodeAt(9) * 7 + day.charCodeAt(8)) % 5
};

/** What the server keeps: the log with derived columns, and each card's state. */
class Store {
	log = new Map<string, StoredReview & { stateBefore: number }>();
	cards = new Map<string, CardMemory | null>();

	apply(review: LoggedReview) {
		if (this.log.has(review.id)) return;
		this.log.set(review.id, { ...review, dueAfter: null, stateBefore: 0 });
		this.recompute(review);
	}

	undo(id: string) {
		const review = this.log.get(id);
		if (!review) return;
		this.log.delete(id);
		this.recompute(review);
	}

	private recompute(changed: LoggedReview) {
		const cardLog = [...this.log.values()].filter((r) => r.cardId === changed.cardId);
		const result = recomputeCard(changed.cardId, cardLog, changed, scheduler, workload);
		for (const row of result.rows) {
			const stored = this.log.get(row.id);
			if (stored)
				this.log.set(row.id, { ...stored, dueAfter: row.dueAfter, stateBefore: row.stateBefore });
		}
		this.cards.set(changed.cardId, result.memory);
	}

	snapshot() {
		return {
			log: [...this.log.values()].sort(compareReviews),
			cards: Object.fromEntries([...this.cards].sort(([a], [b]) => (a < b ? -1 : 1)))
		};
	}
}

const reviewsArb = fc
	.uniqueArray(
		fc.record({
			id: fc.uuid(),
			cardId: fc.constantFrom('a', 'b', 'c'),
			rating: fc.constantFrom<Rating>(1, 2, 3, 4),
			// Within ~120 days, to the minute, so same-day and long gaps both occur.
			minute: fc.integer({ min: 0, max: 120 * 24 * 60 })
		}),
		{ minLength: 1, maxLength: 14, selector: (r) => r.id }
	)
	.map((list) =>
		list.map<LoggedReview>((r) => ({
			id: r.id,
			cardId: r.cardId,
			rating: r.rating,
			reviewedAt: new Date(T0 + r.minute * 60_000)
		}))
	);

/** Arrival orders with duplicates: the shuffled set plus some of it again. */
const arrivalsArb = reviewsArb.chain((reviews) =>
	fc
		.tuple(fc.shuffledSubarray(reviews, { minLength: reviews.length }), fc.subarray(reviews))
		.chain(([shuffled, again]) =>
			fc.shuffledSubarray([...shuffled, ...again], { minLength: shuffled.length + again.length })
		)
		.map((arrivals) => ({ reviews, arrivals }))
);

function sortedOnce(reviews: LoggedReview[]) {
	const store = new Store();
	for (const review of [...reviews].sort(compareReviews)) store.apply(review);
	return store;
}

describe('applying reviews in any order', () => {
	it('gives the same log and card states as applying them once, sorted', () => {
		fc.assert(
			fc.property(arrivalsArb, ({ reviews, arrivals }) => {
				const store = new Store();
				for (const review of arrivals) store.apply(review);
				expect(store.snapshot()).toEqual(sortedOnce(reviews).snapshot());
			}),
			{ numRuns: 300 }
		);
	});

	it('undoing the latest review restores the card exactly, and undo twice is undo once', () => {
		fc.assert(
			fc.property(reviewsArb, fc.constantFrom<Rating>(1, 2, 3, 4), (reviews, rating) => {
				const store = sortedOnce(reviews);
				const before = store.snapshot();
				const last = [...reviews].sort(compareReviews).at(-1) as LoggedReview;
				const extra: LoggedReview = {
					id: 'zz-extra',
					cardId: last.cardId,
					rating,
					reviewedAt: new Date(last.reviewedAt.getTime() + 3 * DAY_MS)
				};
				store.apply(extra);
				store.undo(extra.id);
				store.undo(extra.id);
				expect(store.snapshot()).toEqual(before);
			}),
			{ numRuns: 200 }
		);
	});

	it('undoing a review in the middle recomputes as if it never happened', () => {
		fc.assert(
			fc.property(reviewsArb, fc.nat(), (reviews, pick) => {
				const victim = reviews[pick % reviews.length] as LoggedReview;
				const store = sortedOnce(reviews);
				store.undo(victim.id);
				const without = sortedOnce(reviews.filter((r) => r.id !== victim.id)).snapshot();
				const got = store.snapshot();
				expect(got.log).toEqual(without.log);
				expect(got.cards[victim.cardId] ?? null).toEqual(without.cards[victim.cardId] ?? null);
			}),
			{ numRuns: 200 }
		);
	});

	it('moves the latest due date to the lightest allowed day inside the fuzz window', () => {
		const log: StoredReview[] = [
			{ id: '1', cardId: 'a', rating: 3, reviewedAt: new Date(T0), dueAfter: null },
			{ id: '2', cardId: 'a', rating: 3, reviewedAt: new Date(T0 + 3 * DAY_MS), dueAfter: null },
			{ id: '3', cardId: 'a', rating: 3, reviewedAt: new Date(T0 + 15 * DAY_MS), dueAfter: null }
		];
		const before = recomputeCard(
			'a',
			log.slice(0, 2),
			log[0] as LoggedReview,
			scheduler,
			null
		).memory;
		const { window } = scheduler.review('a', before, 3, log[2]?.reviewedAt as Date);
		expect(window).not.toBeNull();
		if (!window) return;
		// Every day but one inside the window is crowded; that one is the answer.
		const quiet = addDays(
			'2025-01-16',
			window.minDays === window.fuzzedDays ? window.maxDays : window.minDays
		);
		const crowded: Workload = {
			...workload,
			lightDays: [],
			dueOn: (day) => (day === quiet ? 0 : 9)
		};
		const result = recomputeCard('a', log, log[0] as LoggedReview, scheduler, crowded);
		const due = result.memory?.due.getTime() ?? 0;
		const days = (due - (T0 + 15 * DAY_MS)) / DAY_MS;
		expect(days).toBeGreaterThanOrEqual(window.minDays);
		expect(days).toBeLessThanOrEqual(window.maxDays);
		expect(days).not.toBe(window.fuzzedDays);
		expect(addDays('2025-01-16', days)).toBe(quiet);
		expect(result.rows.at(-1)?.dueAfter.getTime()).toBe(due);
	});
});

describe('a card with a seeded memory', () => {
	const base: CardMemory = {
		due: new Date(T0 + 10 * DAY_MS),
		stability: 8,
		difficulty: 3,
		elapsedDays: 0,
		scheduledDays: 10,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: 2,
		lastReview: new Date(T0)
	};
	const review: StoredReview = {
		id: 'r1',
		cardId: 'a',
		rating: 3,
		reviewedAt: new Date(T0 + 9 * DAY_MS),
		dueAfter: null
	};

	it('continues from the seed, not from a new card', () => {
		const seeded = recomputeCard('a', [review], review, scheduler, null, base).memory;
		const fresh = recomputeCard('a', [review], review, scheduler, null).memory;
		expect(seeded?.reps).toBe(2);
		expect(seeded?.state).toBe(2);
		expect(seeded?.stability).toBeGreaterThan(base.stability);
		expect(fresh?.reps).toBe(1);
	});

	it('is back to the seed when its only review is undone', () => {
		expect(recomputeCard('a', [], review, scheduler, null, base).memory).toEqual(base);
	});
});
