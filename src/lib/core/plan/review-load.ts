// How much time reviews take, and how many new cards a budget can carry.
//
// Before a learner has review history we use the review costs of FSRS's own simulator
// (seconds per review by rating: Again 19.4, Hard 17.6, Good 12.4, Easy 8.9) and its
// rating mix for a remembered card (Hard 22.4 %, Good 63.2 %, Easy 14.4 %), with the
// default desired retention of 90 % deciding how often Again happens. Once there is
// history, the server passes the learner's own median seconds per rating and their
// own rating shares instead.

export type Rating = 'again' | 'hard' | 'good' | 'easy';
export type ByRating = Record<Rating, number>;

export const DEFAULT_REVIEW_SECONDS: ByRating = { again: 19.4, hard: 17.6, good: 12.4, easy: 8.9 };

const RECALLED_MIX = { hard: 0.224, good: 0.632, easy: 0.144 };
export const DEFAULT_RETENTION = 0.9;

/** Rating shares at a given retention: forgotten cards are Again, the rest split as FSRS's simulator does. */
export function defaultRatingShares(retention = DEFAULT_RETENTION): ByRating {
	return {
		again: 1 - retention,
		hard: retention * RECALLED_MIX.hard,
		good: retention * RECALLED_MIX.good,
		easy: retention * RECALLED_MIX.easy
	};
}

/** Expected seconds for one review: Σ share(rating) × seconds(rating). ≈ 13.7 s with the defaults. */
export function expectedSecondsPerReview(
	seconds: ByRating = DEFAULT_REVIEW_SECONDS,
	shares: ByRating = defaultRatingShares()
): number {
	const total = shares.again + shares.hard + shares.good + shares.easy;
	if (!(total > 0)) return expectedSecondsPerReview(seconds);
	return (
		(shares.again * seconds.again +
			shares.hard * seconds.hard +
			shares.good * seconds.good +
			shares.easy * seconds.easy) /
		total
	);
}

/**
 * When a new card comes back, in days after it is first seen: twice on day 0 (first
 * sight and one learning step), then intervals that grow about threefold, as FSRS's
 * at 90 % retention do for a card answered Good. A pacing model, not a forecast.
 */
export const NEW_CARD_REVIEW_OFFSETS = [0, 0, 2, 7, 20, 55, 150] as const;

/** Reviews may take at most this share of a normal study day; the rest is for learning. */
export const MAX_REVIEW_SHARE = 1 / 3;

/** No more new cards than this on any day, however large the budget. */
export const MAX_NEW_PER_DAY = 20;

/**
 * New cards per day that a budget sustains: a steady flow of n cards a day settles at
 * n × (reviews per card) reviews a day, which must fit in the review share left after
 * the reviews the learner already has.
 */
export function sustainableNewPerDay(
	minutesPerDay: number,
	existingReviewMinutes: number,
	secondsPerReview: number
): number {
	const spare = MAX_REVIEW_SHARE * minutesPerDay - existingReviewMinutes;
	if (spare <= 0 || secondsPerReview <= 0) return 0;
	const n = Math.floor((spare * 60) / secondsPerReview / NEW_CARD_REVIEW_OFFSETS.length);
	return Math.max(0, Math.min(MAX_NEW_PER_DAY, n));
}
