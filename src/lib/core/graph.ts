// Pure algorithms over the prerequisite graph. A skill lists its prerequisites as
// edges with levels: "to reach `forLevel` of me, you need skill `id` at `level`".
// Functions accept any graph-shaped value so tests can build small random ones.

import type { Prerequisite } from './types';

export interface GraphNode {
	id: string;
	prerequisites: readonly Prerequisite[];
	/** Study hours per level step; only shortestLearningPath reads them. */
	levels?: readonly { level: number; hours: number }[];
}

export interface SkillGraph {
	skills: readonly GraphNode[];
}

export interface LevelTarget {
	id: string;
	level: number;
}

export interface RequiredSkill {
	id: string;
	/** The highest level any target or chain of prerequisites asks of this skill. */
	level: number;
	/** The chain that pulls the skill in, target first, excluding the skill itself; [] for a target. */
	via: string[];
}

/** A skill that needs another one: `id` at `forLevel` needs the other skill at `level`. */
export interface Dependent {
	id: string;
	level: number;
	forLevel: number;
}

export interface LearningStep {
	id: string;
	/** The level this step reaches (from level − 1). */
	level: number;
	hours: number;
}

export class CycleError extends Error {
	constructor(readonly cycle: string[]) {
		super(`prerequisite cycle: ${cycle.join(' → ')}`);
		this.name = 'CycleError';
	}
}

// Derived indexes are cached per graph object: graphs are immutable once loaded.
interface Indexed {
	byId: Map<string, GraphNode>;
	position: Map<string, number>;
}
const cache = new WeakMap<SkillGraph, Indexed>();

function indexed(graph: SkillGraph): Indexed {
	let hit = cache.get(graph);
	if (!hit) {
		hit = {
			byId: new Map(graph.skills.map((s) => [s.id, s])),
			position: new Map(graph.skills.map((s, i) => [s.id, i]))
		};
		cache.set(graph, hit);
	}
	return hit;
}

/** Distinct prerequisite ids of a node that exist in the graph. */
function prerequisiteIds(node: GraphNode, byId: Map<string, GraphNode>): string[] {
	return [...new Set(node.prerequisites.map((p) => p.id))].filter((id) => byId.has(id));
}

/** A cycle as a closed path [a, b, …, a] (a needs b needs … needs a), or null for a DAG. */
export function findCycle(graph: SkillGraph): string[] | null {
	const { byId } = indexed(graph);
	const state = new Map<string, 'open' | 'done'>();
	for (const start of graph.skills) {
		if (state.has(start.id)) continue;
		// Iterative DFS: the stack holds the current path and each node's next edge.
		const stack: { id: string; next: string[] }[] = [];
		const enter = (id: string) => {
			state.set(id, 'open');
			stack.push({ id, next: prerequisiteIds(byId.get(id)!, byId) });
		};
		enter(start.id);
		while (stack.length > 0) {
			const top = stack[stack.length - 1]!;
			const next = top.next.shift();
			if (next === undefined) {
				state.set(top.id, 'done');
				stack.pop();
			} else if (state.get(next) === 'open') {
				const from = stack.findIndex((f) => f.id === next);
				return [...stack.slice(from).map((f) => f.id), next];
			} else if (!state.has(next)) {
				enter(next);
			}
		}
	}
	return null;
}

/**
 * Skill ids with every prerequisite before the skills that need it. Ties keep the
 * graph's own order, so the result is deterministic. Throws CycleError on a cycle.
 */
export function topologicalOrder(graph: SkillGraph): string[] {
	const { byId, position } = indexed(graph);
	const waiting = new Map<string, number>();
	const needers = new Map<string, string[]>();
	for (const node of graph.skills) {
		const prereqs = prerequisiteIds(node, byId);
		waiting.set(node.id, prereqs.length);
		for (const p of prereqs) needers.set(p, [...(needers.get(p) ?? []), node.id]);
	}
	const ready = graph.skills.filter((s) => waiting.get(s.id) === 0).map((s) => s.id);
	const order: string[] = [];
	while (ready.length > 0) {
		ready.sort((a, b) => position.get(a)! - position.get(b)!);
		const id = ready.shift()!;
		order.push(id);
		for (const n of needers.get(id) ?? []) {
			const left = waiting.get(n)! - 1;
			waiting.set(n, left);
			if (left === 0) ready.push(n);
		}
	}
	if (order.length < graph.skills.length) throw new CycleError(findCycle(graph) ?? []);
	return order;
}

/**
 * Every skill and level the targets require, directly or through prerequisites, in
 * topological order. A skill required at several levels appears once, at the highest.
 * With `current`, requirements the learner already meets are neither returned nor expanded.
 */
export function prerequisiteClosure(
	graph: SkillGraph,
	targets: readonly LevelTarget[],
	current?: ReadonlyMap<string, number>
): RequiredSkill[] {
	const { byId } = indexed(graph);
	const direct = new Set(targets.filter((t) => t.level > 0).map((t) => t.id));
	const required = new Map<string, { level: number; via: string[] }>();
	const queue: { id: string; level: number; via: string[] }[] = targets
		.filter((t) => t.level > 0 && byId.has(t.id))
		.map((t) => ({ id: t.id, level: t.level, via: [] }));
	while (queue.length > 0) {
		const demand = queue.shift()!;
		if ((current?.get(demand.id) ?? 0) >= demand.level) continue;
		const via = direct.has(demand.id) ? [] : demand.via;
		const had = required.get(demand.id);
		const better =
			!had ||
			demand.level > had.level ||
			(demand.level === had.level && via.length < had.via.length);
		if (!better) continue;
		// The chain kept is that of the demand that set the level (the shortest among equals).
		const level = demand.level;
		required.set(demand.id, { level, via });
		for (const edge of byId.get(demand.id)!.prerequisites) {
			if (edge.forLevel <= level && byId.has(edge.id)) {
				queue.push({ id: edge.id, level: edge.level, via: [...via, demand.id] });
			}
		}
	}
	return topologicalOrder(graph)
		.filter((id) => required.has(id))
		.map((id) => ({ id, ...required.get(id)! }));
}

/** The skills that list `id` as a direct prerequisite, in graph order. */
export function dependents(graph: SkillGraph, id: string): Dependent[] {
	const found: Dependent[] = [];
	for (const node of graph.skills) {
		for (const edge of node.prerequisites) {
			if (edge.id === id) found.push({ id: node.id, level: edge.level, forLevel: edge.forLevel });
		}
	}
	return found;
}

/** Every skill that needs `id`, directly or through other skills. */
export function allDependents(graph: SkillGraph, id: string): Set<string> {
	const seen = new Set<string>();
	const queue = [id];
	while (queue.length > 0) {
		const next = queue.shift()!;
		for (const d of dependents(graph, next)) {
			if (!seen.has(d.id) && d.id !== id) {
				seen.add(d.id);
				queue.push(d.id);
			}
		}
	}
	return seen;
}

/**
 * The fewest level steps that take a learner from `current` to the target(s): only the
 * steps the prerequisite closure demands, each after the steps it depends on, lower
 * levels first so foundations come early. Sum the hours for the path's length.
 */
export function shortestLearningPath(
	graph: SkillGraph,
	target: LevelTarget | readonly LevelTarget[],
	current: ReadonlyMap<string, number> = new Map()
): LearningStep[] {
	const { byId } = indexed(graph);
	const targets = Array.isArray(target) ? target : [target as LevelTarget];
	const order = topologicalOrder(graph);
	const rank = new Map(order.map((id, i) => [id, i]));
	const have = (id: string) => current.get(id) ?? 0;
	const key = (id: string, level: number) => `${id}@${level}`;

	const steps = new Map<string, { step: LearningStep; after: string[] }>();
	for (const req of prerequisiteClosure(graph, targets, current)) {
		const node = byId.get(req.id)!;
		for (let level = have(req.id) + 1; level <= req.level; level++) {
			const after = level - 1 > have(req.id) ? [key(req.id, level - 1)] : [];
			for (const edge of node.prerequisites) {
				if (edge.forLevel <= level && edge.level > have(edge.id))
					after.push(key(edge.id, edge.level));
			}
			const hours = node.levels?.find((l) => l.level === level)?.hours ?? 0;
			steps.set(key(req.id, level), { step: { id: req.id, level, hours }, after });
		}
	}

	const done = new Set<string>();
	const path: LearningStep[] = [];
	const pending = [...steps.keys()];
	const priority = (k: string) => {
		const { step } = steps.get(k)!;
		return step.level * order.length + rank.get(step.id)!;
	};
	while (pending.length > 0) {
		const ready = pending.filter((k) => steps.get(k)!.after.every((a) => done.has(a)));
		// The closure guarantees each prerequisite step exists, so an empty set means a cycle.
		if (ready.length === 0) throw new CycleError(findCycle(graph) ?? []);
		const next = ready.reduce((a, b) => (priority(b) < priority(a) ? b : a));
		pending.splice(pending.indexOf(next), 1);
		done.add(next);
		path.push(steps.get(next)!.step);
	}
	return path;
}
