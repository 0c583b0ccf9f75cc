// A learner's review log, parsed once and kept while it is unchanged: the streak and the day's
// counts (on every queue), each card's first review (mastery, on every gap) and the stats page
// read the whole log, which grows with every day of study.
import { and, eq, gte, sql } from 'drizzle-orm';
import { compileJsonRows, connOf, selectJsonRows } from '$lib/server/db/compiled';
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

const MAX_LEARNERS = 200;
const cache = new Map<string, { version: string; reviews: LoggedReview[] }>();
/** Loads under way, so that the gap and the stats asking at once read the log once. */
const loading = new Map<string, Promise<LoggedReview[]>>();
/** Figures derived from one version of a log, by what else they depend on (zone, window). */
const derived = new WeakMap<readonly StatsReview[], Map<string, unknown>>();

/**
 * What changes whenever the learner's log does: a review added (count, newest row) or undone
 * (count), one undone and another stored in its row (the newest row's id and times), and a
 * replay that rewrites the log's derived due dates (the cards' due dates move with it).
 */
async function logVersion(db: Queryable, userId: string): Promise<string> {
	const row = await db.get<{ n: number; r: number | null; last: string | null; due: number }>(sql`
		with m as (select count(*) as n, max(rowid) as r from review_log where user_id = ${userId})
		select m.n as n, m.r as r,
			(select id || ':' || reviewed_at || ':' || coalesce(due_after, '') from review_log where rowid = m.r) as last,
			(select total(due) from card_state where user_id = ${userId}) as due
		from m`);
	return `${row?.n}|${row?.r}|${row?.last}|${row?.due}`;
}

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
			.where(
				and(
					eq(table.reviewLog.userId, sql.placeholder('userId')),
					gte(table.reviewLog.reviewedAt, sql.placeholder('since'))
				)
			)
);

/** The learner's whole log, oldest first, read again only when it has changed. */
export function learnerLog(db: Queryable, userId: string): Promise<readonly LoggedReview[]> {
	return cachedLog(db, userId, async () => {
		const rows = await selectJsonRows(connOf(db), logSelect, { userId, since: new Date(0) });
		return rows.map((r) => ({
			id: r.id,
			cardId: r.cardId,
			rating: r.rating as Rating,
			reviewedAt: r.reviewedAt,
			stateBefore: (r.stateBefore ?? 0) as CardStateCode,
			dueAfter: r.dueAfter ?? r.reviewedAt
		}));
	});
}

/** The log from `load` when it changed since last asked, else the one kept. */
async function cachedLog(
	db: Queryable,
	userId: string,
	load: () => Promise<LoggedReview[]>
): Promise<readonly LoggedReview[]> {
	const version = await logVersion(db, userId);
	const hit = cache.get(userId);
	if (hit && hit.version === version) {
		// Re-insert: Map keeps insertion order, so the first key is the least recently used.
		cache.delete(userId);
		cache.set(userId, hit);
		return hit.reviews;
	}
	const key = `${userId}|${version}`;
	let pending = loading.get(key);
	if (!pending) {
		pending = load()
			.then((rows) => rows.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime()))
			.finally(() => loading.delete(key));
		loading.set(key, pending);
	}
	const reviews = await pending;
	cache.set(userId, { version, reviews });
	if (cache.size > MAX_LEARNERS) cache.delete(cache.keys().next().value!);
	return reviews;
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
