// How much review work the learner has: due now, expected per day, and how long one
// review takes them — their own medians once there is history, FSRS's defaults before.
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '$lib/server/assessments/store';
import { reviewLog } from '$lib/server/db/schema';
import { perLearner } from '$lib/server/db/learner-cache';
import { learnerCards } from '$lib/server/reviews/card-cache';
import {
	DEFAULT_REVIEW_SECONDS,
	defaultRatingShares,
	expectedSecondsPerReview,
	type ByRating,
	type Rating
} from '$lib/core/plan/review-load';

const DAY_MS = 86_400_000;
/** Expected daily load is the reviews due within this many days, spread evenly. */
export const FORECAST_DAYS = 30;
/** Reviews read for the learner's own costs: recent behaviour counts. */
const HISTORY = 2000;
/** Fewer reviews of a rating than this and the default cost is used for it. */
const MIN_SAMPLES = 5;
/** Longer than this, the learner walked away: not a review cost. */
const MAX_REVIEW_MS = 5 * 60_000;

const RATINGS: Rating[] = ['again', 'hard', 'good', 'easy'];

export interface ReviewWorkload {
	dueNow: number;
	/** Minutes the reviews due now take. */
	dueMinutes: number;
	/** Reviews a day expected over the next FORECAST_DAYS days, in minutes. */
	reviewMinutesPerDay: number;
	secondsPerReview: number;
	/** True when the seconds per review come from the learner's own history. */
	ownCosts: boolean;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The learner's seconds per review by rating (median) and their rating shares. */
export function reviewCosts(db: Queryable, userId: string) {
	return perLearner(db, userId, 'review costs', () => readReviewCosts(db, userId));
}

async function readReviewCosts(db: Queryable, userId: string) {
	const rows = await db
		.select({ rating: reviewLog.rating, durationMs: reviewLog.durationMs })
		.from(reviewLog)
		.where(eq(reviewLog.userId, userId))
		.orderBy(desc(reviewLog.reviewedAt))
		.limit(HISTORY);
	const byRating: Record<Rating, number[]> = { again: [], hard: [], good: [], easy: [] };
	const counts: ByRating = { again: 0, hard: 0, good: 0, easy: 0 };
	for (const r of rows) {
		const rating = RATINGS[r.rating - 1];
		if (!rating) continue;
		counts[rating]++;
		if (r.durationMs > 0 && r.durationMs <= MAX_REVIEW_MS)
			byRating[rating].push(r.durationMs / 1000);
	}
	const seconds = { ...DEFAULT_REVIEW_SECONDS };
	let own = false;
	for (const rating of RATINGS) {
		if (byRating[rating].length >= MIN_SAMPLES) {
			seconds[rating] = median(byRating[rating]);
			own = true;
		}
	}
	const total = counts.again + counts.hard + counts.good + counts.easy;
	const shares = total >= 20 ? counts : defaultRatingShares();
	return { seconds, shares, own, secondsPerReview: expectedSecondsPerReview(seconds, shares) };
}

export async function reviewWorkload(
	db: Queryable,
	userId: string,
	now: Date
): Promise<ReviewWorkload> {
	const [cards, costs] = await Promise.all([learnerCards(db, userId), reviewCosts(db, userId)]);
	const active = cards.filter(
		(c) => !c.suspended && (!c.buriedUntil || c.buriedUntil.getTime() <= now.getTime())
	);
	const dueBy = (at: number) => active.filter((c) => c.due.getTime() <= at).length;
	const dueNow = dueBy(now.getTime());
	const dueSoon = dueBy(now.getTime() + FORECAST_DAYS * DAY_MS);
	const spr = costs.secondsPerReview;
	return {
		dueNow,
		dueMinutes: (dueNow * spr) / 60,
		reviewMinutesPerDay: (dueSoon * spr) / 60 / FORECAST_DAYS,
		secondsPerReview: spr,
		ownCosts: costs.own
	};
}
