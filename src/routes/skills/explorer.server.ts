// What the skills explorer shows, derived once from the graph: areas in content order, each
// with its skills foundations-first, and for each skill its prerequisites and what it unlocks.
import type { Graph } from '$lib/core/types';
import { allDependents, dependents, topologicalOrder } from '$lib/core/graph';

export interface ExplorerSkill {
	id: string;
	name: string;
	aliases: string[];
	/** Prerequisite ids with the highest level of each this skill asks for. */
	needs: { id: string; level: number }[];
	/** Ids of the skills that list this one as a prerequisite. */
	unlocks: string[];
}

export interface ExplorerArea {
	id: string;
	name: string;
	colour: string;
	skills: ExplorerSkill[];
}

/**
 * Foundations first: by depth (the longest prerequisite chain below a skill), then by how
 * much builds on it, so Python leads its area rather than whatever sorts first by name.
 */
function foundationalOrder(graph: Graph): Map<string, number> {
	const depth = new Map<string, number>();
	for (const id of topologicalOrder(graph)) {
		const prereqs = graph.skillById.get(id)!.prerequisites;
		depth.set(id, Math.max(0, ...prereqs.map((p) => (depth.get(p.id) ?? 0) + 1)));
	}
	const reach = new Map(graph.skills.map((s) => [s.id, allDependents(graph, s.id).size]));
	const ids = graph.skills.map((s) => s.id);
	ids.sort((a, b) => depth.get(a)! - depth.get(b)! || reach.get(b)! - reach.get(a)!);
	return new Map(ids.map((id, i) => [id, i]));
}

function explorer(graph: Graph): ExplorerArea[] {
	const rank = foundationalOrder(graph);
	const byRank = (a: string, b: string) => rank.get(a)! - rank.get(b)!;
	return graph.areas.map((area) => ({
		id: area.id,
		name: area.name,
		colour: area.colour,
		skills: graph.skills
			.filter((s) => s.area === area.id)
			.sort((a, b) => byRank(a.id, b.id))
			.map((s) => {
				const needs = new Map<string, number>();
				for (const p of s.prerequisites) needs.set(p.id, Math.max(needs.get(p.id) ?? 0, p.level));
				return {
					id: s.id,
					name: s.name,
					aliases: s.aliases,
					needs: [...needs.keys()].sort(byRank).map((id) => ({ id, level: needs.get(id)! })),
					unlocks: [...new Set(dependents(graph, s.id).map((d) => d.id))].sort(byRank)
				};
			})
	}));
}

let cached: { graph: Graph; areas: ExplorerArea[] } | undefined;

export function getExplorer(graph: Graph): ExplorerArea[] {
	if (cached?.graph !== graph) cached = { graph, areas: explorer(graph) };
	return cached.areas;
}
