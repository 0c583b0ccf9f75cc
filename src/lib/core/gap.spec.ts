import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallGraph } from '../../../tests/fixtures/small-graph';
import {
	computeGap,
	PREREQUISITE_WEIGHT,
	readinessOf,
	weightedGap,
	type CurrentLevel
} from './gap';
import type { GraphNode } from './graph';
import type { TargetSkill } from './types';

const graph = smallGraph();
const must = (id: string, targetLevel: number, weight = 1): TargetSkill => ({
	id,
	targetLevel,
	importance: 'must',
	weight
});

describe('computeGap', () => {
	it('pulls prerequisites in with the chain that needs them', () => {
		const { entries } = computeGap(graph, [must('kubernetes', 2)], new Map());
		const byId = new Map(entries.map((e) => [e.skillId, e]));
		expect(byId.get('kubernetes')).toMatchObject({ target: 2, direct: true, via: [] });
		expect(byId.get('docker')).toMatchObject({ target: 2, direct: false, via: ['kubernetes'] });
		expect(byId.get('python')).toMatchObject({
			target: 2,
			direct: false,
			via: ['kubernetes', 'docker'],
			weight: PREREQUISITE_WEIGHT
		});
	});

	it('keeps a skill that is both a target and a prerequisite as direct, at the higher level', () => {
		const { entries } = computeGap(graph, [must('docker', 2), must('python', 1, 0.5)], new Map());
		const python = entries.find((e) => e.skillId === 'python')!;
		expect(python).toMatchObject({ target: 2, direct: true, via: [], weight: 0.5 });
	});

	it('gives gap, self-rating and evidenced current level per skill', () => {
		const { entries } = computeGap(
			graph,
			[must('docker', 3)],
			new Map<string, number | CurrentLevel>([
				['docker', { selfRated: 3, current: 1 }],
				['python', 4]
			])
		);
		expect(entries.find((e) => e.skillId === 'docker')).toMatchObject({
			selfRated: 3,
			current: 1,
			gap: 2
		});
		expect(entries.find((e) => e.skillId === 'python')).toMatchObject({ current: 4, gap: 0 });
	});

	it('sorts by weighted gap, largest first', () => {
		const { entries } = computeGap(
			graph,
			[must('pytorch', 3), must('ci-cd', 4, 0.5)],
			new Map([['pytorch', 2]])
		);
		// ci-cd 4 × 0.5 = 2, then pytorch 1 × 1 = 1 and python 2 × 0.5 = 1: a target first on ties
		expect(entries.map((e) => e.skillId)).toEqual(['ci-cd', 'pytorch', 'python']);
	});

	it('defines readiness as the weighted share of target levels reached', () => {
		const gap = computeGap(
			graph,
			[must('python', 4), must('ci-cd', 2, 0.5)],
			new Map([
				['python', 2],
				['ci-cd', 3]
			])
		);
		// (1 × 2 + 0.5 × 2) / (1 × 4 + 0.5 × 2) = 3 / 5
		expect(gap.readiness).toBeCloseTo(0.6);
		expect(computeGap(graph, [], new Map()).readiness).toBe(1);
	});

	it('skips unknown skills and level-0 targets', () => {
		const { entries } = computeGap(graph, [must('cobol', 3), must('python', 0)], new Map());
		expect(entries).toEqual([]);
	});
});

// Random DAGs: skill i may only need skills with a smaller index.
const dagArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
	fc
		.tuple(
			...Array.from({ length: n }, (_, i) =>
				fc.array(
					fc.record({
						to: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
						level: fc.integer({ min: 1, max: 4 }),
						forLevel: fc.integer({ min: 1, max: 4 })
					}),
					{ maxLength: i === 0 ? 0 : 3 }
				)
			)
		)
		.map((edges) => ({
			skills: edges.map((list, i): GraphNode => ({
				id: `s${i}`,
				prerequisites: list.map((e) => ({ id: `s${e.to}`, level: e.level, forLevel: e.forLevel }))
			}))
		}))
);

const caseArb = dagArb.chain((g) =>
	fc.record({
		graph: fc.constant(g),
		targets: fc.uniqueArray(
			fc.record({
				id: fc.constantFrom(...g.skills.map((s) => s.id)),
				targetLevel: fc.integer({ min: 1, max: 4 }),
				importance: fc.constantFrom('must' as const, 'nice' as const),
				weight: fc.constantFrom(1, 0.5)
			}),
			{ selector: (t) => t.id, maxLength: 4 }
		),
		levels: fc.dictionary(
			fc.constantFrom(...g.skills.map((s) => s.id)),
			fc.integer({ min: 0, max: 4 })
		)
	})
);

describe('gap properties', () => {
	it('every prerequisite demand of an entry is itself an entry at that level or more', () => {
		fc.assert(
			fc.property(caseArb, ({ graph: g, targets, levels }) => {
				const { entries } = computeGap(g, targets, new Map(Object.entries(levels)));
				const byId = new Map(entries.map((e) => [e.skillId, e]));
				for (const e of entries) {
					const node = g.skills.find((s) => s.id === e.skillId)!;
					for (const p of node.prerequisites) {
						if (p.forLevel <= e.target) {
							expect(byId.get(p.id)?.target ?? 0).toBeGreaterThanOrEqual(p.level);
						}
					}
				}
			})
		);
	});

	it('gaps are non-negative, sorted, and via chains start at a target and follow edges', () => {
		fc.assert(
			fc.property(caseArb, ({ graph: g, targets, levels }) => {
				const { entries, readiness } = computeGap(g, targets, new Map(Object.entries(levels)));
				const targetIds = new Set(targets.map((t) => t.id));
				for (const [i, e] of entries.entries()) {
					expect(e.gap).toBe(Math.max(0, e.target - e.current));
					if (i > 0) expect(weightedGap(entries[i - 1]!)).toBeGreaterThanOrEqual(weightedGap(e));
					expect(e.direct).toBe(targetIds.has(e.skillId));
					if (!e.direct) {
						expect(targetIds.has(e.via[0]!)).toBe(true);
						const chain = [...e.via, e.skillId];
						for (let k = 1; k < chain.length; k++) {
							const from = g.skills.find((s) => s.id === chain[k - 1])!;
							expect(from.prerequisites.some((p) => p.id === chain[k])).toBe(true);
						}
					}
				}
				expect(readiness).toBeGreaterThanOrEqual(0);
				expect(readiness).toBeLessThanOrEqual(1);
			})
		);
	});

	it('readiness is 1 exactly when no gap is left, and never falls when a level rises', () => {
		fc.assert(
			fc.property(caseArb, fc.nat(), ({ graph: g, targets, levels }, pick) => {
				const before = computeGap(g, targets, new Map(Object.entries(levels)));
				expect(before.readiness === 1).toBe(before.entries.every((e) => e.gap === 0));
				if (before.entries.length === 0) return;
				const raised = before.entries[pick % before.entries.length]!.skillId;
				const higher = { ...levels, [raised]: Math.min(4, (levels[raised] ?? 0) + 1) };
				const after = computeGap(g, targets, new Map(Object.entries(higher)));
				expect(after.readiness).toBeGreaterThanOrEqual(before.readiness - 1e-12);
			})
		);
	});
});

describe('readinessOf', () => {
	it('caps each skill at its target', () => {
		expect(readinessOf([{ target: 2, current: 4, weight: 1 }])).toBe(1);
		expect(readinessOf([{ target: 4, current: 1, weight: 1 }])).toBe(0.25);
	});
});
