// The gap drawn on the prerequisite graph (desktop): only the skills the target needs, laid out
// by the skills explorer's dagre layout, each coloured by how much of its target is reached.
import type { GapEntry, Graph } from '$lib/core/types';
import { layoutGraph, type GraphLayout } from '../../skills/graph-layout.server';

export type GapStatus = 'met' | 'partial' | 'none';

export interface GapGraph {
	layout: GraphLayout;
	status: Record<string, { name: string; status: GapStatus; current: number; target: number }>;
}

// dagre takes tens of milliseconds for a target's graph, and the drawing depends only on which
// skills are in it and their levels (the graph itself is fixed content): a learner opening /gap
// again, or another learner at the same levels, gets the drawing already made.
const MAX_LAYOUTS = 100;
const layouts = new Map<string, GraphLayout>();

function layoutOnce(graph: Graph, skills: Graph['skills']): GraphLayout {
	const key = skills.map((s) => `${s.id}=${s.name}`).join('\n');
	let layout = layouts.get(key);
	if (!layout) {
		layout = layoutGraph({ ...graph, skills });
		if (layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
		layouts.set(key, layout);
	}
	return layout;
}

export function gapGraph(graph: Graph, entries: readonly GapEntry[]): GapGraph {
	const byId = new Map(entries.map((e) => [e.skillId, e]));
	// The levels ride in the label, so the layout sizes each box for them.
	const skills = graph.skills
		.filter((s) => byId.has(s.id))
		.map((s) => ({
			...s,
			name: `${s.name} · ${byId.get(s.id)!.current}/${byId.get(s.id)!.target}`,
			prerequisites: s.prerequisites.filter((p) => byId.has(p.id))
		}));
	const layout = layoutOnce(graph, skills);
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
