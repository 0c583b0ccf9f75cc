// What a rating implies: reaching level ℓ of a skill needs each prerequisite whose edge applies
// at ℓ (its `forLevel` ≤ ℓ) at the edge's level, so rating a skill at ℓ says the learner is at
// least there in those prerequisites, and transitively in theirs. Someone independent (3) at
// RAG is at least aware (1) of embeddings.
//
// Implied levels are stored apart from what the learner said (source 'implied'): a skill the
// learner rated themselves is never implied, and an implied level only replaces another implied
// one, so a later explicit rating always wins.
import type { SkillGraph } from '../graph';

export interface ImpliedLevel {
	level: number;
	/** The explicitly rated skill whose rating implies this level. */
	by: string;
}

/**
 * Implied levels of every prerequisite the explicit ratings reach. Implication runs only through
 * skills the learner has not rated: their own rating says more than what another one implies.
 */
export function impliedLevels(
	graph: SkillGraph,
	explicit: ReadonlyMap<string, number>
): Map<string, ImpliedLevel> {
	const byId = new Map(graph.skills.map((s) => [s.id, s]));
	const implied = new Map<string, ImpliedLevel>();
	const queue = [...explicit].map(([id, level]) => ({ id, level, by: id }));
	while (queue.length > 0) {
		const { id, level, by } = queue.shift()!;
		for (const edge of byId.get(id)?.prerequisites ?? []) {
			if (edge.forLevel > level || explicit.has(edge.id) || !byId.has(edge.id)) continue;
			if ((implied.get(edge.id)?.level ?? 0) >= edge.level) continue;
			implied.set(edge.id, { level: edge.level, by });
			queue.push({ id: edge.id, level: edge.level, by });
		}
	}
	return implied;
}

/** A learner's latest rating of a skill and where it came from. */
export interface SourcedLevel {
	level: number;
	source: string;
}

/**
 * The implied ratings to store now, given every skill's latest rating: a skill with no rating,
 * or whose latest rating is itself implied at another level. Never one over an explicit rating.
 */
export function impliedToStore(
	implied: ReadonlyMap<string, ImpliedLevel>,
	latest: ReadonlyMap<string, SourcedLevel>
): { skillId: string; level: number }[] {
	const rows: { skillId: string; level: number }[] = [];
	for (const [skillId, { level }] of implied) {
		const had = latest.get(skillId);
		if (!had || (had.source === 'implied' && had.level !== level)) rows.push({ skillId, level });
	}
	return rows;
}

/** The explicit part of the latest ratings: everything the learner (or a check) said. */
export function explicitLevels(latest: ReadonlyMap<string, SourcedLevel>): Map<string, number> {
	return new Map(
		[...latest].filter(([, r]) => r.source !== 'implied').map(([id, r]) => [id, r.level])
	);
}
