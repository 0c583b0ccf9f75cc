// The role profile a posting resembles most, whose levels then stand in where the posting states
// none. Skills alone cannot tell apart profiles that share most of them (an applied-AI/agents
// engineer and an LLM engineer both build RAG, agents and evals; the LLM profile simply lists
// more), so the posting's title, the first thing a hiring engineer reads, breaks the near-tie.
import type { Importance, Role } from '../types';

/** Below this overlap no profile resembles the posting, and none sets its levels. */
export const MIN_ROLE_OVERLAP = 0.35;

/**
 * What a title that names the whole profile adds to its overlap: enough to settle profiles a few
 * shared skills apart, too little to beat one that clearly shares more of the posting.
 */
export const TITLE_WEIGHT = 0.1;

// Words every title has; they tell no profile from another.
const GENERIC = new Set(['engineer', 'engineers', 'engineering', 'developer', 'and', 'of', 'the']);

/** The words of a title or profile name that can tell profiles apart ("ML" = machine learning). */
export function titleWords(title: string): string[] {
	return title
		.toLowerCase()
		.split(/[^\p{L}\p{N}+#]+/u)
		.flatMap((w) => (w === 'ml' ? ['machine', 'learning'] : w === '' ? [] : [w]))
		.filter((w) => !GENERIC.has(w));
}

/** The share of the profile's name the title repeats: "Applied AI Engineer, Agents" names all
 * of "Applied AI / Agents Engineer", none of "LLM / GenAI Engineer". */
export function titleAffinity(role: Role, title: string | null): number {
	if (!title) return 0;
	const said = new Set(titleWords(title));
	const name = titleWords(role.name);
	return name.length === 0 ? 0 : name.filter((w) => said.has(w)).length / name.length;
}

/**
 * Weighted Jaccard of the profile's skills and the posting's: a role skill weighs its weight
 * (must 1, nice 0.5), a found skill 1 when must, 0.5 when nice.
 */
export function skillOverlap(role: Role, found: ReadonlyMap<string, Importance>): number {
	const roleWeight = new Map(role.skills.map((s) => [s.id, s.weight]));
	let shared = 0;
	let union = 0;
	for (const id of new Set([...roleWeight.keys(), ...found.keys()])) {
		const a = roleWeight.get(id) ?? 0;
		const imp = found.get(id);
		const b = imp === undefined ? 0 : imp === 'must' ? 1 : 0.5;
		shared += Math.min(a, b);
		union += Math.max(a, b);
	}
	return union === 0 ? 0 : shared / union;
}

/**
 * The skills each profile's name names ("Computer Vision Engineer" → computer-vision), as
 * `findNames` reads them; the generalist profiles ("Senior Machine Learning Engineer") name none.
 */
export function roleNamesakes(
	roles: readonly Role[],
	findNames: (text: string) => readonly string[]
): Map<string, readonly string[]> {
	return new Map(roles.map((r) => [r.id, [...new Set(findNames(r.name))]]));
}

/**
 * The closest profile: among those whose skill overlap reaches MIN_ROLE_OVERLAP (a GPU-kernel
 * posting is not a computer-vision job because both name PyTorch, whatever its title says), the
 * one with the highest overlap plus TITLE_WEIGHT × title affinity. Ties keep content order.
 */
export function closestRole(
	roles: readonly Role[],
	found: ReadonlyMap<string, Importance>,
	title: string | null = null,
	namesakes: ReadonlyMap<string, readonly string[]> = new Map()
): Role | null {
	let best: Role | null = null;
	let bestScore = -Infinity;
	for (const role of roles) {
		// A specialist profile ("Computer Vision Engineer") fits only a posting that asks for its
		// specialty: a speech posting shares a vision profile's deep-learning skills, not its job.
		const specialty = namesakes.get(role.id) ?? [];
		if (specialty.length > 0 && !specialty.some((id) => found.has(id))) continue;
		const overlap = skillOverlap(role, found);
		if (overlap < MIN_ROLE_OVERLAP) continue;
		const score = overlap + TITLE_WEIGHT * titleAffinity(role, title);
		if (score > bestScore) {
			best = role;
			bestScore = score;
		}
	}
	return best;
}
