// The order in which onboarding asks a learner to rate themselves, and how far they are.
//
// What matters first: the target's must-haves, then its nice-to-haves, then skills pulled in only
// as prerequisites; within each, the skills that unlock the most of the target's other skills
// (directly or through others), ties in reverse graph order. Prerequisites pulled in only by the
// target come last, so most of them are already implied (see ./implied) when their turn comes.
// The gap is usable once every must-have has a level, rated or implied.
import { allDependents, prerequisiteClosure, type SkillGraph } from '../graph';
import type { TargetSkill } from '../types';

export type RatingGroup = 'must' | 'nice' | 'prerequisite';

export interface RatingItem {
	id: string;
	group: RatingGroup;
	/** The level the target (or a prerequisite chain) asks for. */
	target: number;
	/** How many other skills of the target need this one, directly or through others. */
	unlocks: number;
}

const GROUP_RANK: Record<RatingGroup, number> = { must: 0, nice: 1, prerequisite: 2 };

/** Every skill the target needs, prerequisites included, in the order to ask about them. */
export function ratingOrder(graph: SkillGraph, targetSkills: readonly TargetSkill[]): RatingItem[] {
	const importance = new Map<string, RatingGroup>();
	for (const t of targetSkills) {
		if (t.targetLevel <= 0) continue;
		if (t.importance === 'must' || !importance.has(t.id)) importance.set(t.id, t.importance);
	}
	const required = prerequisiteClosure(
		graph,
		targetSkills.map((t) => ({ id: t.id, level: t.targetLevel }))
	);
	const ids = new Set(required.map((r) => r.id));
	// The closure is in topological order (prerequisites first); later means more dependent.
	const items = required.map((r, position) => ({
		id: r.id,
		group: importance.get(r.id) ?? ('prerequisite' as const),
		target: r.level,
		unlocks: [...allDependents(graph, r.id)].filter((d) => ids.has(d)).length,
		position
	}));
	items.sort(
		(a, b) =>
			GROUP_RANK[a.group] - GROUP_RANK[b.group] || b.unlocks - a.unlocks || b.position - a.position
	);
	return items.map(({ id, group, target, unlocks }) => ({ id, group, target, unlocks }));
}

export interface RatingProgress {
	total: number;
	/** Rated by the learner (or a placement check or plan step). */
	rated: number;
	/** Not rated by the learner but implied by one of their ratings. */
	implied: number;
	/** Neither rated nor implied: counted as 0 in the gap. */
	unrated: number;
	/** Must-haves with neither a rating nor an implied level. */
	mustsLeft: number;
	usable: boolean;
}

export function ratingProgress(
	order: readonly RatingItem[],
	explicit: ReadonlySet<string>,
	implied: ReadonlySet<string>
): RatingProgress {
	let rated = 0;
	let inferred = 0;
	let mustsLeft = 0;
	for (const item of order) {
		if (explicit.has(item.id)) rated++;
		else if (implied.has(item.id)) inferred++;
		else if (item.group === 'must') mustsLeft++;
	}
	return {
		total: order.length,
		rated,
		implied: inferred,
		unrated: order.length - rated - inferred,
		mustsLeft,
		usable: mustsLeft === 0
	};
}

/** The next skill to ask about: neither rated, implied nor skipped in this sitting. */
export function nextToRate(
	order: readonly RatingItem[],
	explicit: ReadonlySet<string>,
	implied: ReadonlySet<string>,
	skipped: ReadonlySet<string>
): RatingItem | null {
	return order.find((i) => !explicit.has(i.id) && !implied.has(i.id) && !skipped.has(i.id)) ?? null;
}
