import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import {
	CREDIT_STRENGTH,
	creditFraction,
	creditedLevels,
	creditedStability,
	mergeCredits,
	weakestCards
} from './credit';
import { skill } from '../plan/plan-fixtures';
import { DayModel } from '../sim/memory';

const graph = {
	skills: [
		skill('base', 'a', [1, 1, 1, 1]),
		skill('middle', 'a', [1, 1, 1, 1], [{ id: 'base', level: 2, forLevel: 2 }]),
		skill(
			'top',
			'a',
			[1, 1, 1, 1],
			[
				{ id: 'middle', level: 2, forLevel: 1 },
				{ id: 'base', level: 3, forLevel: 4 }
			]
		)
	]
};

describe('creditedLevels', () => {
	it('follows prerequisites whose forLevel the passed level reaches, nearest first', () => {
		expect(creditedLevels(graph, 'top', 2)).toEqual([
			{ skillId: 'middle', level: 2, distance: 1 },
			{ skillId: 'base', level: 2, distance: 2 }
		]);
	});

	it('adds edges that only higher levels need, and keeps the nearest distance', () => {
		expect(creditedLevels(graph, 'top', 4)).toEqual([
			{ skillId: 'middle', level: 2, distance: 1 },
			{ skillId: 'base', level: 3, distance: 1 },
			{ skillId: 'base', level: 2, distance: 2 }
		]);
	});

	it('credits nothing below the first forLevel, and stops at the depth', () => {
		expect(creditedLevels(graph, 'middle', 1)).toEqual([]);
		expect(creditedLevels(graph, 'top', 2, 1)).toEqual([
			{ skillId: 'middle', level: 2, distance: 1 }
		]);
	});
});

describe('credit formula', () => {
	it('halves with each step of distance', () => {
		expect(creditFraction(1)).toBe(CREDIT_STRENGTH);
		expect(creditFraction(2)).toBe(CREDIT_STRENGTH / 2);
		expect(creditFraction(0)).toBe(0);
		expect(creditFraction(1, 3)).toBe(1);
	});

	it('moves stability part of the way to a Good review, never past it and never down', () => {
		expect(creditedStability(10, 30, 0.25)).toBe(15);
		expect(creditedStability(10, 30, 1)).toBe(30);
		expect(creditedStability(10, 30, 5)).toBe(30);
		expect(creditedStability(10, 8, 0.5)).toBe(10);
	});

	it('makes a credited card come due later than without, but no later than after a real review', () => {
		const model = new DayModel(default_w);
		const memory = model.review(model.review(null, 0, 3), 3, 3);
		const day = memory.lastDay + 10;
		const credited = model.credit(memory, day, CREDIT_STRENGTH);
		const reviewed = model.review(memory, day, 3);
		expect(credited.stability).toBeGreaterThan(memory.stability);
		expect(credited.stability).toBeLessThan(reviewed.stability);
		expect(credited.lastDay).toBe(memory.lastDay);
		expect(credited.difficulty).toBe(memory.difficulty);
		expect(model.interval(credited)).toBeGreaterThan(model.interval(memory));
	});

	it('gives each card at most one credit a day, the largest', () => {
		const credits = new Map<string, number>();
		mergeCredits(credits, ['a', 'b'], 0.125);
		mergeCredits(credits, ['b'], 0.25);
		mergeCredits(credits, ['a'], 0.1);
		mergeCredits(credits, ['c'], 0);
		expect([...credits]).toEqual([
			['a', 0.125],
			['b', 0.25]
		]);
	});

	it('brings forward the least retrievable prerequisite cards', () => {
		const cards = [0.9, 0.5, 0.7, 0.95].map((retrievability, i) => ({ i, retrievability }));
		expect(weakestCards(cards).map((c) => c.i)).toEqual([1, 2]);
	});
});
