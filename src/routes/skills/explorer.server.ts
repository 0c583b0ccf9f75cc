// What the skills explorer shows, derived once from the graph: areas in content order, each
// with its skills foundations-first, and for each skill its prerequisites and what it unlocks.
import type { Graph } from '$lib/core/types';
import { dependents, topologicalOrder } from '$lib/core/graph';

export interface SkillLink {
	id: string;
	name: string;
	/** For prerequisites: the highest level of it this skill asks for. */
	level?: number;
}

export interface ExplorerSkill {
	id: string;
	name: string;
	aliases: string[];
	needs: SkillLink[];
	unlocks: SkillLink[];
}

export interface ExplorerArea {
	id: string;
	name: string;
	colour: string;
	skills: ExplorerSkill[];
}

function explorer(graph: Graph): ExplorerArea[] {
	const rank = new Map(topologicalOrder(graph).map((id, i) => [id, i]));
	const name = (id: string) => graph.skillById.get(id)?.name ?? id;
	const byRank = (a: { id: string }, b: { id: string }) => rank.get(a.id)! - rank.get(b.id)!;
	return graph.areas.map((area) => ({
		id: area.id,
		name: area.name,
		colour: area.colour,
		skills: graph.skills
			.filter((s) => s.area === area.id)
			.sort(byRank)
			.map((s) => {
				const needs = new Map<string, number>();
				for (const p of s.prerequisites) needs.set(p.id, Math.max(needs.get(p.id) ?? 0, p.level));
				const unlocks = [...new Set(dependents(graph, s.id).map((d) => d.id))];
				return {
					id: s.id,
					name: s.name,
					aliases: s.aliases,
					needs: [...needs].map(([id, level]) => ({ id, name: name(id), level })).sort(byRank),
					unlocks: unlocks.map((id) => ({ id, name: name(id) })).sort(byRank)
				};
			})
	}));
}

let cached: { graph: Graph; areas: ExplorerArea[] } | undefined;

export function getExplorer(graph: Graph): ExplorerArea[] {
	if (cached?.graph !== graph) cached = { graph, areas: explorer(graph) };
	return cached.areas;
}
