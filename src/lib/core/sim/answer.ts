// How a simulated learner answers: recall sampled from true retrievability, a rating mix
// and per-rating seconds from FSRS's simulator (the defaults review-load.ts documents).
import { DEFAULT_REVIEW_SECONDS, defaultRatingShares } from '../plan/review-load';
import type { Rating } from '../scheduling/scheduler';
import type { Random } from './random';

export const SECONDS: Record<Rating, number> = {
	1: DEFAULT_REVIEW_SECONDS.again,
	2: DEFAULT_REVIEW_SECONDS.hard,
	3: DEFAULT_REVIEW_SECONDS.good,
	4: DEFAULT_REVIEW_SECONDS.easy
};

const recalled = defaultRatingShares(1);
const RECALLED_WEIGHTS = [recalled.hard, recalled.good, recalled.easy];

/**
 * First-sight ratings (Again, Hard, Good, Easy). Read: FSRS simulator's first_rating_prob
 * (fsrs-rs simulation.rs defaults). Not yet read: our assumption, mostly Again.
 */
export const FIRST_RATING_READ = [0.24, 0.094, 0.495, 0.171];
export const FIRST_RATING_UNREAD = [0.6, 0.15, 0.2, 0.05];

/** Same-day learning steps after first sight (1m, 10m): Again and Hard take two more, Good one. */
export const EXTRA_STEPS: Record<Rating, number> = { 1: 2, 2: 2, 3: 1, 4: 0 };

/** The most a new card can cost on its first day; new cards start only if this still fits. */
export const NEW_CARD_MAX_SECONDS = Math.max(
	...([1, 2, 3, 4] as Rating[]).map((r) => SECONDS[r] + EXTRA_STEPS[r] * SECONDS[3])
);

export function reviewRating(random: Random, trueRetrievability: number): Rating {
	if (!random.chance(trueRetrievability)) return 1;
	return (2 + random.weighted(RECALLED_WEIGHTS)) as Rating;
}

export function firstRating(random: Random, read: boolean): Rating {
	return (1 + random.weighted(read ? FIRST_RATING_READ : FIRST_RATING_UNREAD)) as Rating;
}
