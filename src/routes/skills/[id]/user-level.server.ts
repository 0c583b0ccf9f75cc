// The learner's current level of a skill: their latest rating (self-assessment, placement
// or plan update), or null if they never rated it. H-gap's assessment service may replace
// this with its own export; the page only needs this one function.
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { assessment } from '$lib/server/db/schema';

export async function getUserLevel(
	db: Database,
	userId: string,
	skillId: string
): Promise<number | null> {
	const [latest] = await db
		.select({ level: assessment.level })
		.from(assessment)
		.where(and(eq(assessment.userId, userId), eq(assessment.skillId, skillId)))
		.orderBy(desc(assessment.createdAt))
		.limit(1);
	return latest?.level ?? null;
}
