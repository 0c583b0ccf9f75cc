import { describe, expect, it } from 'vitest';
import {
	appendCredit,
	creditMemory,
	foldCredits,
	forwardMemory,
	type CreditEvent
} from './credit-fold';
import { DAY_MS, Scheduler } from './scheduler';
import { DEFAULT_REVIEW_SETTINGS } from './settings';

const scheduler = new Scheduler(DEFAULT_REVIEW_SETTINGS);
const at = (day: number, hour = 9) => new Date(Date.UTC(2025, 2, 1 + day, hour));
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
/** A card rated Easy on day 0: in review state, due about a week later. */
const card = scheduler.review('c', null, 4, at(0)).memory;

const event = (day: number, fraction: number, id = `r${day}`, hour = 9): CreditEvent => ({
	reviewId: id,
	kind: fraction > 0 ? 'credit' : 'forward',
	fraction,
	creditedAt: at(day, hour)
});

describe('credit on a card', () => {
	it('raises stability toward a Good review, defers the due date, and leaves history alone', () => {
		const credited = creditMemory(scheduler, 'c', card, at(5), 0.25);
		const good = scheduler.review('c', card, 3, at(5)).memory;
		expect(credited.stability).toBeGreaterThan(card.stability);
		expect(credited.stability).toBeLessThan(good.stability);
		expect(credited.due.getTime()).toBeGreaterThan(card.due.getTime());
		expect(credited.due.getTime()).toBeLessThanOrEqual(good.due.getTime());
		expect({ ...credited, stability: 0, due: 0, scheduledDays: 0 }).toEqual({
			...card,
			stability: 0,
			due: 0,
			scheduledDays: 0
		});
	});

	it('gives a learning card nothing', () => {
		const learning = scheduler.review('c', null, 3, at(0)).memory;
		expect(learning.state).toBe(1);
		expect(creditMemory(scheduler, 'c', learning, at(1), 0.25)).toBe(learning);
		expect(forwardMemory(learning, at(1))).toBe(learning);
	});

	it('brings a card due a day after the failure, never later than it was', () => {
		expect(forwardMemory(card, at(2)).due).toEqual(new Date(at(2).getTime() + DAY_MS));
		expect(forwardMemory(card, at(30))).toBe(card);
	});
});

describe('folding credit events', () => {
	it('applies one credit a learner day, the largest', () => {
		const events = [event(3, 0.125, 'a'), event(3, 0.25, 'b', 10), event(3, 0.1, 'c', 11)];
		const folded = foldCredits(scheduler, 'c', card, events, dayOf);
		expect(folded.steps.map((s) => s.applied)).toEqual([false, true, false]);
		expect(folded.memory).toEqual(creditMemory(scheduler, 'c', card, at(3, 10), 0.25));
	});

	it('ignores credit from the day of the last real review or before; forward until then', () => {
		const reviewed = scheduler.review('c', card, 3, at(4)).memory;
		const events = [event(2, 0.25), event(4, 0.25, 'same-day', 12), event(4, 0, 'fwd', 12)];
		const folded = foldCredits(scheduler, 'c', reviewed, events, dayOf);
		const applied = Object.fromEntries(folded.steps.map((s) => [s.event.reviewId, s.applied]));
		expect(applied).toEqual({ r2: false, 'same-day': false, fwd: true });
		expect(folded.memory.due).toEqual(new Date(at(4, 12).getTime() + DAY_MS));
	});

	it('folds in time order whatever order the events come in', () => {
		const events = [event(6, 0.25), event(3, 0.125), event(4, 0)];
		const one = foldCredits(scheduler, 'c', card, events, dayOf).memory;
		const other = foldCredits(scheduler, 'c', card, [...events].reverse(), dayOf).memory;
		expect(one).toEqual(other);
		expect(foldCredits(scheduler, 'c', card, [], dayOf).memory).toBe(card);
	});

	it('one step at a time gives what the fold gives, or asks for the fold', () => {
		const events = [event(2, 0.125), event(3, 0), event(4, 0.25), event(6, 0.125)];
		let memory = card;
		for (const [i, next] of events.entries()) {
			const step = appendCredit(scheduler, 'c', memory, events.slice(0, i), next, dayOf);
			memory = step!.memory;
		}
		expect(memory).toEqual(foldCredits(scheduler, 'c', card, events, dayOf).memory);
		// Out of order, or a larger credit the same day as a smaller one: fold instead.
		expect(appendCredit(scheduler, 'c', memory, events, event(5, 0.25), dayOf)).toBeNull();
		const day6 = event(6, 0.25, 'later', 12);
		expect(appendCredit(scheduler, 'c', memory, events, day6, dayOf)).toBeNull();
		const smaller = event(6, 0.1, 'later', 12);
		expect(appendCredit(scheduler, 'c', memory, events, smaller, dayOf)).toEqual({
			memory,
			applied: false
		});
	});
});
