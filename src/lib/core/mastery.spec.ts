import { describe, expect, it } from 'vitest';
import { evidencedLevel, levelMastery, MASTERY_THRESHOLD, retrievability } from './mastery';

const NOW = new Date('2026-03-01T12:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const reviewed = (stability: number, daysAgo: number) => ({
	stability,
	state: 2,
	lastReview: daysBefore(daysAgo)
});

describe('retrievability', () => {
	it('is 1 right after a review, 0.9 after one stability, and falls with time', () => {
		expect(retrievability(reviewed(10, 0), NOW)).toBeCloseTo(1, 5);
		expect(retrievability(reviewed(10, 10), NOW)).toBeCloseTo(0.9, 2);
		expect(retrievability(reviewed(10, 30), NOW)).toBeLessThan(0.9);
		expect(retrievability(reviewed(10, 300), NOW)).toBeLessThan(
			retrievability(reviewed(10, 30), NOW)
		);
	});
	it('is 0 for a card never studied', () => {
		expect(retrievability({ stability: 0, state: 0, lastReview: null }, NOW)).toBe(0);
	});
});

describe('levelMastery', () => {
	it('is mean retrievability × share of the level studied', () => {
		const m = levelMastery({ level: 2, total: 4, states: [reviewed(10, 0), reviewed(10, 0)] }, NOW);
		expect(m.studied).toBe(2);
		expect(m.mastery).toBeCloseTo(0.5, 5);
		expect(m.met).toBe(false);
	});
	it('has no mastery (and no cap) for a level without cards', () => {
		expect(levelMastery({ level: 4, total: 0, states: [] }, NOW)).toMatchObject({
			mastery: null,
			met: true
		});
	});
});

describe('evidencedLevel', () => {
	const level = (n: number, total: number, states: ReturnType<typeof reviewed>[]) => ({
		level: n,
		total,
		states
	});

	it('keeps the self-rating while nothing has been studied', () => {
		const r = evidencedLevel(3, [level(1, 3, []), level(2, 3, [])], NOW);
		expect(r).toMatchObject({ selfRated: 3, current: 3, hasEvidence: false });
	});

	it('keeps the rating when every level up to it is well remembered', () => {
		const fresh = [reviewed(20, 1), reviewed(20, 1)];
		const r = evidencedLevel(2, [level(1, 2, fresh), level(2, 2, fresh), level(3, 2, [])], NOW);
		expect(r.current).toBe(2);
	});

	it('drops to below the first level under the threshold', () => {
		const fresh = [reviewed(20, 1), reviewed(20, 1)];
		const r = evidencedLevel(
			3,
			[level(1, 2, fresh), level(2, 4, [reviewed(20, 1)]), level(3, 2, fresh)],
			NOW
		);
		expect(r.current).toBe(1);
		expect(r.levels[1]!.mastery).toBeLessThan(MASTERY_THRESHOLD);
	});

	it('re-opens the gap as memory fades', () => {
		const cards = [level(1, 2, [reviewed(5, 0), reviewed(5, 0)])];
		expect(evidencedLevel(1, cards, NOW).current).toBe(1);
		// FSRS-6's curve is flat in the tail: a 5-day memory is still at ~0.6 after 4 months.
		const later = new Date(NOW.getTime() + 365 * 86_400_000);
		expect(evidencedLevel(1, cards, later).current).toBe(0);
	});

	it('never raises a rating', () => {
		const fresh = [reviewed(50, 0)];
		expect(evidencedLevel(1, [level(1, 1, fresh), level(2, 1, fresh)], NOW).current).toBe(1);
	});
});
