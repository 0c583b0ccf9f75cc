// The one place the plan reads the learner's active target and its gap.
//
// TEMPORARY: H-gap's `getActiveTargetGap(db, userId, now)` ('$lib/server/gap') is not in
// the tree yet. Until it is, this reads the same tables (target, assessment) the simplest
// way — latest assessment per skill, no evidence from reviews — so the plan can be built
// and tested. When '$lib/server/gap' lands, this file becomes a re-export of it.
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { assessment, target } from '$lib/server/db/schema';
import { getGraph } from '$lib/server/content';
import { prerequisiteClosure } from '$lib/core/graph';
import type { GapEntry } from '$lib/core/types';

export interface TargetGap {
	target: { id: string; name: string };
	entries: GapEntry[];
}

const PREREQUISITE_WEIGHT = 0.5;

export async function activeTargetGap(
	db: Database,
	userId: string,
	_now: Date
): Promise<TargetGap | null> {
	const [active] = await db
		.select()
		.from(target)
		.where(and(eq(target.userId, userId), eq(target.active, true)));
	if (!active) return null;
	const rows = await db
		.select({ skillId: assessment.skillId, level: assessment.level })
		.from(assessment)
		.where(eq(assessment.userId, userId))
		.orderBy(desc(assessment.createdAt));
	const levels = new Map<string, number>();
	for (const r of rows) if (!levels.has(r.skillId)) levels.set(r.skillId, r.level);
	const weights = new Map(active.skills.map((s) => [s.id, s.weight]));
	const required = prerequisiteClosure(
		getGraph(),
		active.skills.map((s) => ({ id: s.id, level: s.targetLevel }))
	);
	const entries = required.map((r): GapEntry => {
		const direct = weights.has(r.id);
		const current = levels.get(r.id) ?? 0;
		return {
			skillId: r.id,
			target: r.level,
			current,
			selfRated: current,
			gap: Math.max(0, r.level - current),
			weight: direct
				? weights.get(r.id)!
				: PREREQUISITE_WEIGHT * (weights.get(r.via[0] ?? '') ?? 1),
			direct,
			via: r.via
		};
	});
	return { target: { id: active.id, name: active.name }, entries };
}
