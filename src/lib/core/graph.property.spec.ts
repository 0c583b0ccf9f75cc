// Graph algorithms against their definitions, on random DAGs (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	CycleError,
	allDependents,
	dependents,
	findCycle,
	prerequisiteClosure,
	shortestLearningPath,
	topologicalOrder,
	type GraphNode,
	type SkillGraph
} from './graph';

// Random DAGs: node i may only require nodes with a smaller index, then the list is shuffled
// so the algorithms cannot lean on the generation order.
const dag = fc
	.integer({ min: 1, max: 14 })
	.chain((n) =>
		fc.tuple(
			fc.tuple(
				...Array.from({ length: n }, (_, i) =>
					fc.uniqueArray(
						fc.record({
							id: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
							level: fc.integer({ min: 1, max: 4 }),
							forLevel: fc.integer({ min: 1, max: 4 })
						}),
						{ maxLength: i === 0 ? 0 : 3, selector: (e) => `${e.id}@${e.forLevel}` }
					)
				)
			),
			fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n * 4, maxLength: n * 4 }),
			fc.shuffledSubarray(
				Array.from({ length: n }, (_, i) => i),
				{ minLength: n, maxLength: n }
			)
		)
	)
	.map(([edges, hourList, order]): SkillGraph => {
		const nodes: GraphNode[] = edges.map((list, i) => ({
			id: `s${i}`,
			prerequisites: list.map((e) => ({ ...e, id: `s${e.id}` })),
			levels: [1, 2, 3, 4].map((level) => ({ level, hours: hourList[i * 4 + level - 1]! }))
		}));
		return { skills: order.map((i) => nodes[i]!) };
	});

const withTargets = dag.chain((graph) =>
	fc.tuple(
		fc.constant(graph),
		fc.array(
			fc.record({
				id: fc.constantFrom(...graph.skills.map((s) => s.id)),
				level: fc.integer({ min: 1, max: 4 })
			}),
			{ minLength: 1, maxLength: 4 }
		),
		fc.dictionary(fc.constantFrom(...graph.skills.map((s) => s.id)), fc.integer({ min: 0, max: 4 }))
	)
);

const edgesOf = (graph: SkillGraph) =>
	graph.skills.flatMap((s) => s.prerequisites.map((p) => ({ from: s.id, ...p })));

describe('graph properties on random DAGs', () => {
	it('topological order lists every skill once, each prerequisite before its dependents', () => {
		fc.assert(
			fc.property(dag, (graph) => {
				const order = topologicalOrder(graph);
				expect([...order].sort()).toEqual(graph.skills.map((s) => s.id).sort());
				const at = new Map(order.map((id, i) => [id, i]));
				for (const e of edgesOf(graph)) expect(at.get(e.id)!).toBeLessThan(at.get(e.from)!);
				expect(findCycle(graph)).toBeNull();
			})
		);
	});

	it('adding an edge against the order creates a cycle that findCycle reports as a real path', () => {
		fc.assert(
			fc.property(dag, (graph) => {
				const order = topologicalOrder(graph);
				fc.pre(order.length >= 2);
				const [first, last] = [order[0]!, order.at(-1)!];
				// `first` is a prerequisite-free root; make it need `last`, which (transitively) may need it.
				const skills = graph.skills.map((s) =>
					s.id === first
						? { ...s, prerequisites: [...s.prerequisites, { id: last, level: 1, forLevel: 1 }] }
						: s
				);
				const cyclic = { skills };
				const reachesFirst = first === last || allDependents(graph, first).has(last);
				const cycle = findCycle(cyclic);
				if (!reachesFirst) {
					expect(cycle).toBeNull();
					return;
				}
				expect(cycle).not.toBeNull();
				expect(cycle![0]).toBe(cycle!.at(-1));
				const edges = new Set(edgesOf(cyclic).map((e) => `${e.from}>${e.id}`));
				for (let i = 1; i < cycle!.length; i++)
					expect(edges).toContain(`${cycle![i - 1]}>${cycle![i]}`);
				expect(() => topologicalOrder(cyclic)).toThrow(CycleError);
			})
		);
	});

	it('the closure contains the targets and is closed under the prerequisites it activates', () => {
		fc.assert(
			fc.property(withTargets, ([graph, targets]) => {
				const closure = prerequisiteClosure(graph, targets);
				const level = new Map(closure.map((r) => [r.id, r.level]));
				for (const t of targets) expect(level.get(t.id)!).toBeGreaterThanOrEqual(t.level);
				for (const r of closure) {
					const node = graph.skills.find((s) => s.id === r.id)!;
					for (const p of node.prerequisites) {
						if (p.forLevel <= r.level) expect(level.get(p.id) ?? 0).toBeGreaterThanOrEqual(p.level);
					}
				}
			})
		);
	});

	it('every skill in the closure is a target or pulled in by a real chain from one', () => {
		fc.assert(
			fc.property(withTargets, ([graph, targets]) => {
				const byId = new Map(graph.skills.map((s) => [s.id, s]));
				const targetIds = new Set(targets.map((t) => t.id));
				for (const r of prerequisiteClosure(graph, targets)) {
					if (targetIds.has(r.id)) {
						expect(r.via).toEqual([]);
						continue;
					}
					expect(targetIds).toContain(r.via[0]);
					const chain = [...r.via, r.id];
					for (let i = 1; i < chain.length; i++) {
						const needs = byId.get(chain[i - 1]!)!.prerequisites.map((p) => p.id);
						expect(needs).toContain(chain[i]);
					}
					// The level comes from the edge that ends the chain.
					const last = byId.get(r.via.at(-1)!)!.prerequisites.filter((p) => p.id === r.id);
					expect(last.map((p) => p.level)).toContain(r.level);
				}
			})
		);
	});

	it('the closure lists skills in topological order', () => {
		fc.assert(
			fc.property(withTargets, ([graph, targets]) => {
				const order = topologicalOrder(graph);
				const ids = prerequisiteClosure(graph, targets).map((r) => r.id);
				expect(ids).toEqual(order.filter((id) => ids.includes(id)));
			})
		);
	});

	it('dependents is the exact inverse of prerequisites', () => {
		fc.assert(
			fc.property(dag, (graph) => {
				for (const skill of graph.skills) {
					const inverse = edgesOf(graph)
						.filter((e) => e.id === skill.id)
						.map((e) => ({ id: e.from, level: e.level, forLevel: e.forLevel }));
					expect(dependents(graph, skill.id)).toEqual(inverse);
				}
			})
		);
	});

	it('the learning path is ordered, complete, minimal and reaches every required level', () => {
		fc.assert(
			fc.property(withTargets, ([graph, targets, currentRecord]) => {
				const current = new Map(Object.entries(currentRecord));
				const path = shortestLearningPath(graph, targets, current);
				const byId = new Map(graph.skills.map((s) => [s.id, s]));
				const reached = new Map(current);
				for (const step of path) {
					// One level at a time, from where the learner is.
					expect(step.level).toBe((reached.get(step.id) ?? 0) + 1);
					for (const p of byId.get(step.id)!.prerequisites) {
						if (p.forLevel <= step.level)
							expect(reached.get(p.id) ?? 0).toBeGreaterThanOrEqual(p.level);
					}
					expect(step.hours).toBe(byId.get(step.id)!.levels![step.level - 1]!.hours);
					reached.set(step.id, step.level);
				}
				for (const t of targets) expect(reached.get(t.id) ?? 0).toBeGreaterThanOrEqual(t.level);
				// Minimal: exactly the steps between the current level and the closure's level.
				const needed = prerequisiteClosure(graph, targets, current).reduce(
					(sum, r) => sum + r.level - (current.get(r.id) ?? 0),
					0
				);
				expect(path).toHaveLength(needed);
			})
		);
	});
});
