import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { default_w } from 'ts-fsrs';
import { DayModel, type DayMemory } from '../sim/memory';
import { PeakScheduler, daysToRecall, peakDue, peakInterval, recallAfter } from './peak-date';
import { DAY_MS, Scheduler, type CardMemory } from './scheduler';
import { DEFAULT_REVIEW_SETTINGS } from './settings';

const w = default_w;

/**
 * A card reviewed on every due day (always passed, Good) from `start` to `horizon`, under FSRS at
 * `desired` retention with or without the mode: review days, and the memory on the date.
 */
function chain(
	first: DayMemory,
	date: number,
	options: { level: number | null; desired?: number; horizon?: number }
) {
	const model = new DayModel(w, options.desired ?? 0.9);
	let memory = first;
	const reviews: number[] = [];
	const next = (m: DayMemory) => {
		const interval = model.interval(m);
		const days =
			options.level === null
				? interval
				: peakInterval(w, m.stability, interval, date - m.lastDay, options.level);
		return m.lastDay + days;
	};
	let due = next(memory);
	let atDate: DayMemory | null = null;
	while (due < (options.horizon ?? date + 200)) {
		if (due >= date && !atDate) atDate = memory;
		memory = model.review(memory, due, 3);
		reviews.push(due);
		due = next(memory);
	}
	atDate ??= memory;
	return { reviews, recallOnDate: model.retrievability(atDate, date) };
}

const cardArb = fc.record({
	stability: fc.double({ min: 0.5, max: 400, noNaN: true }),
	difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
	date: fc.integer({ min: 2, max: 120 }),
	level: fc.constantFrom(0.8, 0.85, 0.9, 0.95, 0.97),
	desired: fc.constantFrom(0.7, 0.8, 0.9, 0.95)
});

describe('peak on the date', () => {
	it('leaves every target card at or above the level on the date, whatever FSRS aims for', () => {
		fc.assert(
			fc.property(cardArb, ({ stability, difficulty, date, level, desired }) => {
				const first = { stability, difficulty, lastDay: 0 };
				const { reviews, recallOnDate } = chain(first, date, { level, desired });
				// Whole days: a card so weak that even a review the day before leaves it below the
				// level is reviewed the day before, the most a daily schedule can do.
				const last = reviews.filter((d) => d < date).at(-1);
				if (last !== date - 1) expect(recallOnDate).toBeGreaterThanOrEqual(level - 1e-9);
			}),
			{ numRuns: 300 }
		);
	});

	it('changes nothing outside its window: intervals ending before the date, or after the date', () => {
		fc.assert(
			fc.property(cardArb, ({ stability, date, level }) => {
				const before = Math.max(1, date - 1);
				expect(peakInterval(w, stability, before, date, level)).toBe(before);
				// A review on or after the date, or less than a day before it.
				for (const untilDate of [0, -3, 0.5, 1])
					expect(peakInterval(w, stability, 40, untilDate, level)).toBe(40);
			})
		);
		// After the date, the chain is FSRS's own again: same reviews from the first one after it.
		const first = { stability: 3, difficulty: 5, lastDay: 0 };
		const on = chain(first, 30, { level: 0.95 });
		const off = chain(first, 30, { level: null });
		const afterOn = on.reviews.filter((d) => d >= 30);
		const afterOff = off.reviews.filter((d) => d >= 30);
		const gaps = (days: number[]) => days.slice(1).map((d, i) => d - days[i]!);
		expect(on.reviews).not.toEqual(off.reviews);
		// Same memory growth pattern after the date: intervals keep lengthening as FSRS's do.
		expect(gaps(afterOn).every((g, i, all) => i === 0 || g >= all[i - 1]!)).toBe(true);
		expect(gaps(afterOff).every((g, i, all) => i === 0 || g >= all[i - 1]!)).toBe(true);
	});

	it('adds no review when recall on the date already reaches the level', () => {
		// Stability 100 days, reviewed today, date in 20 days: R(20) ≈ 0.98.
		expect(recallAfter(w, 100, 20)).toBeGreaterThan(0.95);
		expect(peakInterval(w, 100, 100, 20, 0.95)).toBe(100);
		const first = { stability: 100, difficulty: 5, lastDay: 0 };
		expect(chain(first, 20, { level: 0.95 }).reviews.filter((d) => d < 20)).toEqual([]);
	});

	it('adds exactly one review when one is enough, when recall reaches the level', () => {
		// Stability 10, date in 8 days, level 0.95: FSRS would carry it over at R(8) ≈ 0.92.
		const cap = peakInterval(w, 10, 10, 8, 0.95);
		expect(cap).toBe(Math.floor(daysToRecall(w, 10, 0.95)));
		expect(recallAfter(w, 10, cap)).toBeGreaterThanOrEqual(0.95);
		const first = { stability: 10, difficulty: 5, lastDay: 0 };
		const before = chain(first, 8, { level: 0.95 }).reviews.filter((d) => d < 8);
		expect(before).toEqual([cap]);
	});

	it('leaves the schedule alone for every card FSRS already brings to the level', () => {
		fc.assert(
			fc.property(cardArb, ({ stability, difficulty, date, level, desired }) => {
				const first = { stability, difficulty, lastDay: 0 };
				const off = chain(first, date, { level: null, desired });
				fc.pre(off.recallOnDate >= level);
				expect(chain(first, date, { level, desired }).reviews).toEqual(off.reviews);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('PeakScheduler', () => {
	const reviewedAt = new Date('2026-03-02T09:00:00Z');
	const peak = { at: new Date('2026-03-27T04:00:00Z'), level: 0.95 };
	const plain = new Scheduler(DEFAULT_REVIEW_SETTINGS);
	const mature: CardMemory = {
		...plain.review('x', null, 3, new Date('2026-02-20T09:00:00Z')).memory,
		state: 2,
		stability: 10,
		difficulty: 5,
		reps: 3,
		lastReview: new Date('2026-02-20T09:00:00Z')
	};

	it('cuts a target card whose interval would carry it over the date below the level', () => {
		const peaked = new PeakScheduler(DEFAULT_REVIEW_SETTINGS, peak, (id) => id === 'x', reviewedAt);
		const normal = plain.review('x', mature, 3, reviewedAt);
		expect(normal.memory.due.getTime()).toBeGreaterThan(peak.at.getTime());
		const untilDate = (peak.at.getTime() - reviewedAt.getTime()) / DAY_MS;
		expect(recallAfter(w, normal.memory.stability, untilDate)).toBeLessThan(peak.level);
		const cut = peaked.review('x', mature, 3, reviewedAt);
		expect(cut.memory.due.getTime()).toBeLessThan(peak.at.getTime());
		expect(cut.window).toBeNull();
		expect(cut.memory.stability).toBe(normal.memory.stability);
		expect(cut.memory.scheduledDays).toBe(
			Math.round((cut.memory.due.getTime() - reviewedAt.getTime()) / DAY_MS)
		);
		// Other cards, and any card once the date has come, keep FSRS's due date.
		expect(peaked.review('y', mature, 3, reviewedAt)).toEqual(
			plain.review('y', mature, 3, reviewedAt)
		);
		const after = new PeakScheduler(DEFAULT_REVIEW_SETTINGS, peak, () => true, peak.at);
		expect(after.review('x', mature, 3, reviewedAt)).toEqual(normal);
	});

	it('brings a stored due date forward only when the date would find the card below the level', () => {
		const now = new Date('2026-03-05T09:00:00Z');
		const carried = {
			stability: 10,
			lastReview: reviewedAt,
			due: new Date(reviewedAt.getTime() + 10 * DAY_MS + 3 * DAY_MS)
		};
		expect(peakDue(w, carried, peak, now).getTime()).toBeLessThan(peak.at.getTime());
		const strong = { ...carried, stability: 300 };
		expect(peakDue(w, strong, peak, now)).toBe(strong.due);
		expect(peakDue(w, { ...carried, lastReview: null }, peak, now)).toBe(carried.due);
	});
});
