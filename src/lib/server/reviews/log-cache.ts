// A learner's review log, parsed once and kept while it is unchanged: the streak (on every
// queue) and the stats page read the whole log, which grows with every day of study.
import { sql } from 'drizzle-orm';
import type { StatsReview } from '$lib/core/scheduling';
import type { Queryable } from './db';

const MAX_LEARNERS = 200;
const cache = new Map<string, { version: string; reviews: StatsReview[] }>();
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

/** The learner's whole log, oldest first, from `load` when it changed since last asked. */
export async function cachedLog(
	db: Queryable,
	userId: string,
	load: () => Promise<StatsReview[]>
): Promise<readonly StatsReview[]> {
	const version = await logVersion(db, userId);
	const hit = cache.get(userId);
	if (hit && hit.version === version) {
		// Re-insert: Map keeps insertion order, so the first key is the least recently used.
		cache.delete(userId);
		cache.set(userId, hit);
		return hit.reviews;
	}
	const reviews = (await load()).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
	cache.set(userId, { version, reviews });
	if (cache.size > MAX_LEARNERS) cache.delete(cache.keys().next().value!);
	return reviews;
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
