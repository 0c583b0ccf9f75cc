import { describe, expect, it } from 'vitest';
import {
	DEFAULT_REVIEW_SECONDS,
	MAX_NEW_PER_DAY,
	NEW_CARD_REVIEW_OFFSETS,
	defaultRatingShares,
	expectedSecondsPerReview,
	sustainableNewPerDay
} from './review-load';

describe('review costs', () => {
	it('defaults to the FSRS simulator costs weighted by its rating mix at 90 % retention', () => {
		const shares = defaultRatingShares(0.9);
		expect(shares.again).toBeCloseTo(0.1);
		expect(shares.hard + shares.good + shares.easy).toBeCloseTo(0.9);
		// 0.1 × 19.4 + 0.9 × (0.224 × 17.6 + 0.632 × 12.4 + 0.144 × 8.9)
		expect(expectedSecondsPerReview()).toBeCloseTo(13.695, 2);
	});

	it("uses the learner's own seconds and shares when given", () => {
		const seconds = { again: 30, hard: 20, good: 10, easy: 5 };
		expect(expectedSecondsPerReview(seconds, { again: 0, hard: 0, good: 1, easy: 0 })).toBe(10);
		expect(expectedSecondsPerReview(seconds, { again: 1, hard: 0, good: 1, easy: 0 })).toBe(20);
		// No shares at all (no history yet): the defaults apply.
		const none = { again: 0, hard: 0, good: 0, easy: 0 };
		expect(expectedSecondsPerReview(DEFAULT_REVIEW_SECONDS, none)).toBeCloseTo(13.695, 2);
	});
});

describe('sustainable new cards', () => {
	it('keeps the steady review load inside a third of the budget', () => {
		const n = sustainableNewPerDay(45, 0, 13.7);
		// 15 minutes of reviews ≈ 65 reviews; each new card settles at 7 reviews → 9 a day.
		expect(n).toBe(9);
		expect((n * NEW_CARD_REVIEW_OFFSETS.length * 13.7) / 60).toBeLessThanOrEqual(15);
		expect(((n + 1) * NEW_CARD_REVIEW_OFFSETS.length * 13.7) / 60).toBeGreaterThan(15);
	});

	it('pauses new cards while existing reviews already fill the share, and caps large budgets', () => {
		expect(sustainableNewPerDay(45, 15, 13.7)).toBe(0);
		expect(sustainableNewPerDay(45, 30, 13.7)).toBe(0);
		expect(sustainableNewPerDay(600, 0, 13.7)).toBe(MAX_NEW_PER_DAY);
	});
});
