import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating as FsrsRating } from 'ts-fsrs';
import { DEFAULT_REVIEW_SETTINGS } from './settings';
import {
	DAY_MS,
	Scheduler,
	fromFsrsCard,
	retrievabilityOf,
	toFsrsCard,
	type CardMemory,
	type Rating
} from './scheduler';
import { replay, type LoggedReview } from './replay';

const T0 = new Date('2025-03-01T09:00:00Z');
const scheduler = new Scheduler(DEFAULT_REVIEW_SETTINGS);

/** Reviews the card each time it comes due (plus an hour), with the given ratings. */
function session(cardId: string, ratings: Rating[], s = scheduler): LoggedReview[] {
	const log: LoggedReview[] = [];
	let memory: CardMemory | null = null;
	let at = T0;
	ratings.forEach((rating, i) => {
		log.push({ id: `r${i}`, cardId, rating, reviewedAt: at });
		memory = s.review(cardId, memory, rating, at).memory;
		at = new Date(memory.due.getTime() + 3600_000);
	});
	return log;
}

describe('the ts-fsrs wrapper', () => {
	it('counts a review dated before the memory it applies to as made at that memory', () => {
		// Placement credits a memory "now"; an offline review made a day earlier arrives after it.
		const credited = scheduler.review('card-p', null, 4, T0).memory;
		const earlier = new Date(T0.getTime() - 3 * DAY_MS);
		const late = scheduler.review('card-p', credited, 3, earlier);
		expect(late).toEqual(scheduler.review('card-p', credited, 3, T0));
		expect(late.memory.lastReview).toEqual(T0);
	});

	it('fuzzes deterministically per card and review number', () => {
		const a = scheduler.review('card-a', null, 3, T0);
		const b = scheduler.review('card-a', null, 3, T0);
		expect(a).toEqual(b);
		// A mature card: many cards with the same memory get spread over the window.
		const mature: CardMemory = {
			...fromFsrsCard(createEmptyCard(T0)),
			state: 2,
			stability: 40,
			difficulty: 5,
			reps: 6,
			lastReview: new Date(T0.getTime() - 40 * DAY_MS)
		};
		const days = new Set(
			Array.from(
				{ length: 40 },
				(_, i) => scheduler.review(`c${i}`, mature, 3, T0).memory.scheduledDays
			)
		);
		expect(days.size).toBeGreaterThan(3);
	});

	it('returns the fuzz window around the seeded pick', () => {
		const mature: CardMemory = {
			...fromFsrsCard(createEmptyCard(T0)),
			state: 2,
			stability: 40,
			difficulty: 5,
			reps: 6,
			lastReview: new Date(T0.getTime() - 40 * DAY_MS)
		};
		const outcome = scheduler.review('w', mature, 3, T0);
		const window = outcome.window;
		expect(window).not.toBeNull();
		if (!window) return;
		expect(window.minDays).toBeLessThan(window.maxDays);
		expect(window.fuzzedDays).toBeGreaterThanOrEqual(window.minDays);
		expect(window.fuzzedDays).toBeLessThanOrEqual(window.maxDays);
		expect(outcome.memory.due.getTime()).toBe(T0.getTime() + window.fuzzedDays * DAY_MS);
	});

	it('has no window for learning steps', () => {
		const first = scheduler.review('x', null, 1, T0);
		expect(first.window).toBeNull();
		expect(first.memory.due.getTime() - T0.getTime()).toBe(60_000);
	});

	it('uses the learner’s steps, retention and maximum interval', () => {
		const custom = new Scheduler({
			...DEFAULT_REVIEW_SETTINGS,
			learningSteps: ['5m'],
			maximumInterval: 20
		});
		expect(custom.review('x', null, 1, T0).memory.due.getTime() - T0.getTime()).toBe(5 * 60_000);
		const long = session('y', [3, 3, 3, 3, 3, 4, 4], custom);
		const memory = replay('y', long, custom).last?.memory;
		expect(memory?.scheduledDays).toBeLessThanOrEqual(20);

		const strict = new Scheduler({ ...DEFAULT_REVIEW_SETTINGS, desiredRetention: 0.97 });
		const lax = new Scheduler({ ...DEFAULT_REVIEW_SETTINGS, desiredRetention: 0.7 });
		const log = session('z', [3, 3, 3]);
		const strictDays = replay('z', log, strict).last?.memory.scheduledDays ?? 0;
		const laxDays = replay('z', log, lax).last?.memory.scheduledDays ?? 0;
		expect(strictDays).toBeLessThan(laxDays);
	});

	it('uses personal parameters when the learner has them', () => {
		const w = [...generatorParameters().w];
		w[2] = 10; // initial stability after Good
		const personal = new Scheduler({ ...DEFAULT_REVIEW_SETTINGS, learningSteps: [], params: w });
		expect(personal.review('x', null, 3, T0).memory.stability).toBeCloseTo(10, 5);
	});
});

describe('replay', () => {
	const ratings: Rating[] = [3, 3, 1, 3, 2, 3, 4, 1, 1, 3, 3];

	it('equals applying the reviews one by one to the stored state', () => {
		const log = session('card', ratings);
		let stored: CardMemory | null = null;
		for (const review of log) {
			const applied = scheduler.review('card', stored, review.rating, review.reviewedAt).memory;
			// What the database hands back: plain numbers and millisecond dates.
			stored = JSON.parse(JSON.stringify(applied), (key, value: unknown) =>
				(key === 'due' || key === 'lastReview') && typeof value === 'string'
					? new Date(value)
					: value
			) as CardMemory;
		}
		expect(replay('card', log, scheduler).last?.memory).toEqual(stored);
	});

	it('ignores the order the log arrives in', () => {
		const log = session('card', ratings);
		const shuffled = [...log].reverse();
		expect(replay('card', shuffled, scheduler).last).toEqual(replay('card', log, scheduler).last);
	});

	it('agrees with ts-fsrs reschedule on the memory state', () => {
		const log = session('card', ratings);
		const ours = replay('card', log, scheduler).last?.memory;
		const f = fsrs({ ...generatorParameters(), enable_fuzz: false });
		const { collections } = f.reschedule(
			createEmptyCard(T0),
			log.map((r) => ({ rating: r.rating as unknown as FsrsRating.Good, review: r.reviewedAt })),
			{ skipManual: true }
		);
		const theirs = collections.at(-1)?.card;
		expect(theirs).toBeDefined();
		if (!theirs || !ours) return;
		expect(ours.stability).toBeCloseTo(theirs.stability, 10);
		expect(ours.difficulty).toBeCloseTo(theirs.difficulty, 10);
		expect([ours.state, ours.reps, ours.lapses]).toEqual([
			theirs.state,
			theirs.reps,
			theirs.lapses
		]);
		expect(ours.lastReview).toEqual(theirs.last_review);
	});

	it('round-trips through the ts-fsrs card shape', () => {
		const memory = replay('card', session('card', ratings), scheduler).last?.memory;
		expect(memory && fromFsrsCard(toFsrsCard(memory))).toEqual(memory);
	});
});

describe('retrievability', () => {
	it('is 0.9 one stability after the last review and 1 right after it', () => {
		const w = scheduler.w;
		const memory: CardMemory = {
			...fromFsrsCard(createEmptyCard(T0)),
			state: 2,
			stability: 12,
			lastReview: T0
		};
		expect(retrievabilityOf(memory, T0, w)).toBeCloseTo(1, 8);
		expect(retrievabilityOf(memory, new Date(T0.getTime() + 12 * DAY_MS), w)).toBeCloseTo(0.9, 6);
		expect(retrievabilityOf({ ...memory, state: 0 }, T0, w)).toBe(0);
	});
});

describe('preview', () => {
	it('gives exactly what each rating would give through review, in every state', () => {
		const ratings: Rating[] = [3, 1, 3, 3, 2, 4, 3, 1, 1, 3, 3, 4, 3, 2];
		let memory: CardMemory | null = null;
		let at = T0;
		let windows = 0;
		for (const [i, rating] of ratings.entries()) {
			const preview = scheduler.preview('card-p', memory, at);
			for (const r of [1, 2, 3, 4] as Rating[]) {
				const one = scheduler.review('card-p', memory, r, at);
				expect(preview[r]).toEqual(one);
				if (one.window) windows += 1;
			}
			memory = preview[rating].memory;
			at = new Date(memory.due.getTime() + (i % 3) * DAY_MS + 3600_000);
		}
		// The sequence reaches review state with fuzz windows, not only learning steps.
		expect(windows).toBeGreaterThan(5);
	});
});
