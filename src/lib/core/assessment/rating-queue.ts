// The order in which onboarding asks a learner to rate themselves, and how far they are.
//
// What matters first: the target's must-haves, then its nice-to-haves, then skills pulled in only
// as prerequisites; within each, the skills that unlock the most of the target's other skills
// (directly or through others), ties in reverse graph order. Prerequisites pulled in only by the
// target come last, so most of them are already implied (see ./implied) when their turn comes.
//
// The gap is usable once the skills with a level (rated or implied) carry USABLE_SHARE of what
// readiness weighs (Σ weight × target level, as in ../gap): what is still unrated, counted as 0,
// can then move readiness by at most the rest.
import { computeGap } from '../gap';
import { allDependents, topologicalOrder, type SkillGraph } from '../graph';
import type { TargetSkill } from '../types';

export const USABLE_SHARE = 2 / 3;

export type RatingGroup = 'must' | 'nice' | 'prerequisite';

export interface RatingItem {
	id: string;
	group: RatingGroup;
	/** The level the target (or a prerequisite chain) asks for. */
	target: number;
	/** Its weight in readiness, as the gap gives it. */
	weight: number;
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
	// Every skill the target needs with its level and weight: the gap of a learner with no levels.
	const { entries } = computeGap(graph, targetSkills, new Map());
	const ids = new Set(entries.map((e) => e.skillId));
	const rank = new Map(topologicalOrder(graph).map((id, i) => [id, i]));
	const items = entries.map((e) => ({
		id: e.skillId,
		group: importance.get(e.skillId) ?? ('prerequisite' as const),
		target: e.target,
		weight: e.weight,
		unlocks: [...allDependents(graph, e.skillId)].filter((d) => ids.has(d)).length,
		rank: rank.get(e.skillId) ?? 0
	}));
	items.sort(
		(a, b) => GROUP_RANK[a.group] - GROUP_RANK[b.group] || b.unlocks - a.unlocks || b.rank - a.rank
	);
	return items.map((i) => ({
		id: i.id,
		group: i.group,
		target: i.target,
		weight: i.weight,
		unlocks: i.unlocks
	}));
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
	/** The share of readiness's weight (Σ weight × target) that has a level, 0–1. */
	covered: number;
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
	let known = 0;
	let all = 0;
	for (const item of order) {
		all += item.weight * item.target;
		if (explicit.has(item.id) || implied.has(item.id)) known += item.weight * item.target;
		if (explicit.has(item.id)) rated++;
		else if (implied.has(item.id)) inferred++;
		else if (item.group === 'must') mustsLeft++;
	}
	const covered = all === 0 ? 1 : known / all;
	return {
		total: order.length,
		rated,
		implied: inferred,
		unrated: order.length - rated - inferred,
		mustsLeft,
		covered,
		usable: covered >= USABLE_SHARE
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
