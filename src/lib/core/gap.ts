// The gap between where a learner is and where a target needs them, over the prerequisite
// closure of the target's skills.
//
// Weights: a target skill keeps its own weight (must 1, nice 0.5 unless edited); a skill pulled
// in only as a prerequisite weighs PREREQUISITE_WEIGHT × the weight of the target skill at the
// head of its chain.
// Readiness = Σ weight × min(current, target) / Σ weight × target over every entry: the
// weighted share of the target levels already reached, each level counting, 0–1. A target that
// asks for nothing is fully met (1).
import { prerequisiteClosure, type SkillGraph } from './graph';
import type { GapEntry, Importance, TargetSkill } from './types';

export const PREREQUISITE_WEIGHT = 0.5;
export const DEFAULT_WEIGHT: Record<Importance, number> = { must: 1, nice: 0.5 };

/** A learner's level in one skill: the latest rating and the level after evidence. */
export interface CurrentLevel {
	selfRated: number;
	current: number;
}

export type CurrentLevels = ReadonlyMap<string, number | CurrentLevel>;

export interface Gap {
	/** Sorted by weighted gap (gap × weight), largest first. */
	entries: GapEntry[];
	readiness: number;
}

function levelOf(levels: CurrentLevels, id: string): CurrentLevel {
	const found = levels.get(id);
	if (found === undefined) return { selfRated: 0, current: 0 };
	if (typeof found === 'number') return { selfRated: found, current: found };
	return found;
}

export function weightedGap(entry: Pick<GapEntry, 'gap' | 'weight'>): number {
	return entry.gap * entry.weight;
}

/** Readiness as defined above, from any list of entries. */
export function readinessOf(entries: readonly Pick<GapEntry, 'target' | 'current' | 'weight'>[]) {
	let needed = 0;
	let reached = 0;
	for (const e of entries) {
		needed += e.weight * e.target;
		reached += e.weight * Math.min(e.current, e.target);
	}
	return needed === 0 ? 1 : reached / needed;
}

export function computeGap(
	graph: SkillGraph,
	targetSkills: readonly TargetSkill[],
	currentLevels: CurrentLevels
): Gap {
	const weights = new Map<string, number>();
	for (const t of targetSkills) {
		if (t.targetLevel > 0) weights.set(t.id, Math.max(weights.get(t.id) ?? 0, t.weight));
	}
	const required = prerequisiteClosure(
		graph,
		targetSkills.map((t) => ({ id: t.id, level: t.targetLevel }))
	);
	const entries: GapEntry[] = required.map((r) => {
		const direct = weights.has(r.id);
		const weight = direct
			? weights.get(r.id)!
			: PREREQUISITE_WEIGHT * (weights.get(r.via[0] ?? '') ?? DEFAULT_WEIGHT.must);
		const { selfRated, current } = levelOf(currentLevels, r.id);
		return {
			skillId: r.id,
			target: r.level,
			current,
			selfRated,
			gap: Math.max(0, r.level - current),
			weight,
			direct,
			via: direct ? [] : r.via
		};
	});
	const order = new Map(required.map((r, i) => [r.id, i]));
	entries.sort(
		(a, b) =>
			weightedGap(b) - weightedGap(a) ||
			Number(b.direct) - Number(a.direct) ||
			order.get(a.skillId)! - order.get(b.skillId)!
	);
	return { entries, readiness: readinessOf(entries) };
}
