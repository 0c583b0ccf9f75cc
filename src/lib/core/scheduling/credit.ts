// Credit through prerequisites (after Math Academy's "FIRe"): passing an advanced card is an
// implicit, discounted repetition of what it builds on, so those cards come due later; failing
// one brings its weakest prerequisite cards forward.
//
// Formula. A pass (Good/Easy) of a card at skill S, level ℓ credits the cards of every
// (skill, level) S at ℓ requires — prerequisite edges with forLevel ≤ ℓ, at the edge's level —
// and, at half strength, what those require in turn (CREDIT_DEPTH levels of the graph):
//   fraction(d) = strength × CREDIT_DECAY^(d − 1)        d = graph distance (1 = direct)
//   S' = S + fraction × max(0, S_good − S)
// where S_good is the stability a real Good review at that moment would give. fraction ≤ 1,
// so credit never gives more than a real review, never lowers stability, and leaves difficulty
// and the last-review date alone (the card's history stays the learner's real one). A card gets
// at most one credit a day, the largest offered (mergeCredits).
import type { SkillGraph } from '../graph';

export const CREDIT_STRENGTH = 0.25;
export const CREDIT_DECAY = 0.5;
export const CREDIT_DEPTH = 2;
/** A failed advanced card brings forward at most this many of its prerequisite cards. */
export const WEAKEST_BROUGHT_FORWARD = 2;

export interface CreditedLevel {
	skillId: string;
	level: number;
	/** 1 for a direct prerequisite, 2 for one of its prerequisites, … */
	distance: number;
}

/** The (skill, level) pairs a pass at `skillId` level `level` credits, nearest first. */
export function creditedLevels(
	graph: SkillGraph,
	skillId: string,
	level: number,
	depth = CREDIT_DEPTH
): CreditedLevel[] {
	const byId = new Map(graph.skills.map((s) => [s.id, s]));
	const seen = new Map<string, CreditedLevel>();
	let frontier = [{ skillId, level }];
	for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
		const next: { skillId: string; level: number }[] = [];
		for (const from of frontier) {
			for (const edge of byId.get(from.skillId)?.prerequisites ?? []) {
				if (edge.forLevel > from.level || !byId.has(edge.id) || edge.id === skillId) continue;
				const key = `${edge.id}@${edge.level}`;
				if (seen.has(key)) continue;
				seen.set(key, { skillId: edge.id, level: edge.level, distance });
				next.push({ skillId: edge.id, level: edge.level });
			}
		}
		frontier = next;
	}
	return [...seen.values()];
}

/** The share of a Good review's stability gain a card at `distance` receives. */
export function creditFraction(distance: number, strength = CREDIT_STRENGTH): number {
	if (distance < 1) return 0;
	return Math.min(1, Math.max(0, strength)) * CREDIT_DECAY ** (distance - 1);
}

/** Stability after credit: part of the way to what a real Good review would give, never past it. */
export function creditedStability(stability: number, goodStability: number, fraction: number) {
	const f = Math.min(1, Math.max(0, fraction));
	return stability + f * Math.max(0, goodStability - stability);
}

/** One credit a card per day: the largest fraction offered wins. */
export function mergeCredits(
	into: Map<string, number>,
	cardIds: readonly string[],
	fraction: number
) {
	if (fraction <= 0) return;
	for (const id of cardIds) if ((into.get(id) ?? 0) < fraction) into.set(id, fraction);
}

/** The cards to bring forward after a failed card: the least retrievable ones, below `limit`. */
export function weakestCards<T extends { retrievability: number }>(
	cards: readonly T[],
	count = WEAKEST_BROUGHT_FORWARD
): T[] {
	return [...cards].sort((a, b) => a.retrievability - b.retrievability).slice(0, count);
}
