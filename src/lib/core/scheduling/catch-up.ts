// After a break the backlog is spread over a few days instead of arriving as one wall:
// today gets the most at-risk share and the rest waits, still overdue, for the next days.

/** Below this many due cards a day is never treated as a backlog. */
export const CATCH_UP_MIN_BUDGET = 60;
export const CATCH_UP_MAX_DAYS = 5;

export interface CatchUpPlan {
	backlog: number;
	/** Cards per day, today first; sums to the backlog. */
	perDay: number[];
}

/** The daily budget: generous enough that an ordinary day never triggers a plan. */
export function catchUpBudget(usualDailyReviews: number): number {
	return Math.max(CATCH_UP_MIN_BUDGET, Math.round(2 * usualDailyReviews));
}

/** A plan when the due count exceeds the budget; null on an ordinary day. */
export function catchUpPlan(dueCount: number, budget: number): CatchUpPlan | null {
	if (dueCount <= budget) return null;
	const days = Math.min(CATCH_UP_MAX_DAYS, Math.ceil(dueCount / budget));
	const base = Math.floor(dueCount / days);
	const extra = dueCount - base * days;
	return {
		backlog: dueCount,
		perDay: Array.from({ length: days }, (_, i) => base + (i < extra ? 1 : 0))
	};
}
