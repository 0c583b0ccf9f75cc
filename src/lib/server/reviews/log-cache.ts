// A learner's review log, parsed once and kept while it is unchanged (learner-cache.ts): the
// streak and the day's counts (on every queue), each card's first review (mastery, on every
// gap) and the stats page read the whole log, which grows with every day of study.
import { eq, sql } from 'drizzle-orm';
import { compileJsonRows, connOf, selectJsonRows } from '$lib/server/db/compiled';
import { perLearner } from '$lib/server/db/learner-cache';
import * as table from '$lib/server/db/schema';
import {
	firstReviews,
	type CardStateCode,
	type Rating,
	type StatsReview
} from '$lib/core/scheduling';
import type { Queryable } from './db';

/** A review as the log keeps it; the id lets a device tell which of its reviews are stored. */
export interface LoggedReview extends StatsReview {
	id: string;
}

/** Figures derived from one version of a log, by what else they depend on (zone, window). */
const derived = new WeakMap<readonly StatsReview[], Map<string, unknown>>();

// Tens of thousands of rows for a learner of a year: fetched as one JSON array, exact here
// because every column is text or integer.
const logSelect = compileJsonRows(
	{
		id: table.reviewLog.id,
		cardId: table.reviewLog.cardId,
		rating: table.reviewLog.rating,
		reviewedAt: table.reviewLog.reviewedAt,
		stateBefore: table.reviewLog.stateBefore,
		dueAfter: table.reviewLog.dueAfter
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.reviewLog)
			.where(eq(table.reviewLog.userId, sql.placeholder('userId')))
);

/** The learner's whole log, oldest first, read again only when it has changed. */
export function learnerLog(db: Queryable, userId: string): Promise<readonly LoggedReview[]> {
	return perLearner(db, userId, 'review log', async () => {
		const rows = await selectJsonRows(connOf(db), logSelect, { userId });
		return rows
			.map((r): LoggedReview => ({
				id: r.id,
				cardId: r.cardId,
				rating: r.rating as Rating,
				reviewedAt: r.reviewedAt,
				stateBefore: (r.stateBefore ?? 0) as CardStateCode,
				dueAfter: r.dueAfter ?? r.reviewedAt
			}))
			.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
	});
}

/** Each card's first review (when mastery starts counting its days), kept with the log. */
export function firstReviewOf(log: readonly StatsReview[]): ReadonlyMap<string, Date> {
	return fromLog(log, 'first reviews', () => firstReviews(log));
}

/** A figure computed from a cached log once per `key`, and again only for a new log. */
export function fromLog<T>(log: readonly StatsReview[], key: string, compute: () => T): T {
	let figures = derived.get(log);
	if (!figures) derived.set(log, (figures = new Map()));
	if (!figures.has(key)) figures.set(key, compute());
	return figures.get(key) as T;
}

/** The index of the first review at or after `since` in a log sorted oldest first. */
export function firstSince(log: readonly StatsReview[], since: Date): number {
	let lo = 0;
	let hi = log.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (log[mid]!.reviewedAt.getTime() < since.getTime()) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
