// The gap drawn on the prerequisite graph (desktop): only the skills the target needs, laid out
// by the skills explorer's dagre layout, each coloured by how much of its target is reached.
import type { GapEntry, Graph } from '$lib/core/types';
import { layoutGraph, type GraphLayout } from '../../skills/graph-layout.server';

export type GapStatus = 'met' | 'partial' | 'none';

export interface GapGraph {
	layout: GraphLayout;
	status: Record<string, { name: string; status: GapStatus; current: number; target: number }>;
}

export function gapGraph(graph: Graph, entries: readonly GapEntry[]): GapGraph {
	const needed = new Set(entries.map((e) => e.skillId));
	const skills = graph.skills
		.filter((s) => needed.has(s.id))
		.map((s) => ({ ...s, prerequisites: s.prerequisites.filter((p) => needed.has(p.id)) }));
	const layout = layoutGraph({ ...graph, skills });
	const status: GapGraph['status'] = {};
	for (const e of entries) {
		status[e.skillId] = {
			name: graph.skillById.get(e.skillId)?.name ?? e.skillId,
			status: e.gap === 0 ? 'met' : e.current > 0 ? 'partial' : 'none',
			current: e.current,
			target: e.target
		};
	}
	return { layout, status };
}
