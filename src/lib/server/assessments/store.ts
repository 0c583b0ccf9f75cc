// Every rating a learner gives, kept with its date; the latest one per skill counts.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { assessment, type AssessmentSource } from '$lib/server/db/schema';

/** The database or an open transaction (inside one, queries must use the transaction). */
export type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

// Same-millisecond ratings of one skill keep their insertion order.
const newestFirst = [desc(assessment.createdAt), desc(sql`rowid`)];

export interface Rating {
	skillId: string;
	level: number;
}

export interface LatestRating {
	level: number;
	source: AssessmentSource;
	createdAt: Date;
}

/** Writes the ratings in one transaction (all or none); each row keeps its date. */
export async function recordRatings(
	db: Queryable,
	userId: string,
	ratings: readonly Rating[],
	source: AssessmentSource,
	now: Date
) {
	if (ratings.length === 0) return [];
	const rows = ratings.map((r) => ({
		id: crypto.randomUUID(),
		userId,
		skillId: r.skillId,
		level: r.level,
		source,
		createdAt: now
	}));
	// One multi-row insert: atomic on its own, and usable inside a caller's transaction.
	await db.insert(assessment).values(rows);
	return rows;
}

/** The latest rating of every skill the learner has rated (ties on a date: last inserted). */
export async function latestRatings(
	db: Queryable,
	userId: string
): Promise<Map<string, LatestRating>> {
	const rows = await db
		.select({
			skillId: assessment.skillId,
			level: assessment.level,
			source: assessment.source,
			createdAt: assessment.createdAt
		})
		.from(assessment)
		.where(eq(assessment.userId, userId))
		.orderBy(...newestFirst);
	const latest = new Map<string, LatestRating>();
	for (const { skillId, ...rest } of rows) if (!latest.has(skillId)) latest.set(skillId, rest);
	return latest;
}

/** Every rating of one skill, newest first. */
export async function ratingHistory(db: Database, userId: string, skillId: string) {
	return db
		.select({
			id: assessment.id,
			level: assessment.level,
			source: assessment.source,
			createdAt: assessment.createdAt
		})
		.from(assessment)
		.where(and(eq(assessment.userId, userId), eq(assessment.skillId, skillId)))
		.orderBy(...newestFirst);
}

/** The learner's current level of one skill (their latest rating), or null if never rated. */
export async function latestLevel(db: Queryable, userId: string, skillId: string) {
	const [latest] = await db
		.select({ level: assessment.level })
		.from(assessment)
		.where(and(eq(assessment.userId, userId), eq(assessment.skillId, skillId)))
		.orderBy(...newestFirst)
		.limit(1);
	return latest?.level ?? null;
}
