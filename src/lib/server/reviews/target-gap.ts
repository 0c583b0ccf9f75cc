// TEMPORARY bridge: the active target's gap skills, until H-gap's getActiveTargetGap
// ('$lib/server/gap') is in the tree. Reads the same tables the simplest way: the latest
// self-rating per skill against the target's prerequisite closure.
import { and, desc, eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { getGraph } from '$lib/server/content';
import { prerequisiteClosure } from '$lib/core/graph';
import type { Queryable } from './db';

export interface GapSkill {
	skillId: string;
	current: number;
	target: number;
	weight: number;
}

export async function activeGapSkills(db: Queryable, userId: string): Promise<GapSkill[]> {
	const [active] = await db
		.select({ skills: table.target.skills })
		.from(table.target)
		.where(and(eq(table.target.userId, userId), eq(table.target.active, true)));
	if (!active) return [];
	const ratings = await db
		.select({ skillId: table.assessment.skillId, level: table.assessment.level })
		.from(table.assessment)
		.where(eq(table.assessment.userId, userId))
		.orderBy(desc(table.assessment.createdAt));
	const current = new Map<string, number>();
	for (const r of ratings) if (!current.has(r.skillId)) current.set(r.skillId, r.level);
	const weights = new Map(active.skills.map((s) => [s.id, s.weight]));
	const required = prerequisiteClosure(
		getGraph(),
		active.skills.map((s) => ({ id: s.id, level: s.targetLevel }))
	);
	return required
		.map((r) => ({
			skillId: r.id,
			current: current.get(r.id) ?? 0,
			target: r.level,
			// A prerequisite counts half as much as the target skill that pulls it in.
			weight: weights.get(r.id) ?? 0.5 * (weights.get(r.via[0] ?? '') ?? 1)
		}))
		.filter((s) => s.target > s.current);
}
