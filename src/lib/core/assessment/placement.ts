// The placement check: a short self-graded quiz of built-in cards at the level a learner claims.
//
// - Skills are asked dependents first, so a pass credits the prerequisites the skill needs at
//   that level (its prerequisite closure) and those need no questions of their own unless the
//   learner claims more than the credit.
// - 2–3 cards at exactly the claimed level; the level is passed when the learner knew at least
//   two thirds of them (2 of 3, 2 of 2). Failing suggests one level lower.
import { prerequisiteClosure, topologicalOrder, type SkillGraph } from '../graph';

export const PLACEMENT_CARDS = 3;
export const MIN_PLACEMENT_CARDS = 2;
export const PASS_SHARE = 2 / 3;

/**
 * Deterministic 32-bit hash (FNV-1a, then murmur3's finaliser so the high bits mix too): the
 * same learner and card always give the same pick.
 */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** Skills with a claimed level ≥ 1, every skill before the prerequisites it needs. */
export function placementOrder(graph: SkillGraph, claims: ReadonlyMap<string, number>): string[] {
	return topologicalOrder(graph)
		.reverse()
		.filter((id) => (claims.get(id) ?? 0) >= 1);
}

/** Levels shown by passing `shown`, extended to the prerequisites those levels need. */
export function creditedLevels(
	graph: SkillGraph,
	shown: ReadonlyMap<string, number>
): Map<string, number> {
	const credited = new Map<string, number>();
	const targets = [...shown].map(([id, level]) => ({ id, level }));
	for (const r of prerequisiteClosure(graph, targets)) {
		credited.set(r.id, Math.max(credited.get(r.id) ?? 0, r.level));
	}
	return credited;
}

/** The next skill to ask about: in order, not done yet, claimed above what is already credited. */
export function nextPlacementSkill(
	order: readonly string[],
	claims: ReadonlyMap<string, number>,
	credited: ReadonlyMap<string, number>,
	done: ReadonlySet<string>
): string | null {
	return (
		order.find((id) => !done.has(id) && (claims.get(id) ?? 0) > (credited.get(id) ?? 0)) ?? null
	);
}

/** Up to PLACEMENT_CARDS card ids at exactly `level`, picked by a seeded shuffle; [] if < 2. */
export function pickPlacementCards(
	cards: readonly { id: string; level: number }[],
	level: number,
	seed: string
): string[] {
	const atLevel = cards
		.filter((c) => c.level === level)
		.map((c) => ({ id: c.id, key: hash32(`${seed}:${c.id}`) }))
		.sort((a, b) => a.key - b.key || a.id.localeCompare(b.id));
	if (atLevel.length < MIN_PLACEMENT_CARDS) return [];
	return atLevel.slice(0, PLACEMENT_CARDS).map((c) => c.id);
}

export interface PlacementResult {
	passed: boolean;
	/** The level the answers show: the claim when passed, else nothing shown at this step. */
	shownLevel: number | null;
	/** What the learner is offered: the claim when passed, one lower when not. */
	suggestedLevel: number;
}

export function gradePlacement(claimed: number, knew: readonly boolean[]): PlacementResult {
	const known = knew.filter(Boolean).length;
	const passed = knew.length > 0 && known >= Math.ceil(knew.length * PASS_SHARE - 1e-9);
	return {
		passed,
		shownLevel: passed ? claimed : null,
		suggestedLevel: passed ? claimed : Math.max(0, claimed - 1)
	};
}
