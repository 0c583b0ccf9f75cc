// The study planner's public face.
export { planStudy, normaliseBudget } from './planner';
export { stepKey } from './steps';
export * from './types';
export * from './dates';
export {
	DEFAULT_REVIEW_SECONDS,
	defaultRatingShares,
	expectedSecondsPerReview,
	sustainableNewPerDay,
	MAX_REVIEW_SHARE,
	MAX_NEW_PER_DAY,
	NEW_CARD_REVIEW_OFFSETS,
	type ByRating,
	type Rating
} from './review-load';
