// Micro-benchmark of the planner, for the bench script and a guard test:
//   import { benchPlan } from '$lib/core/plan/bench';
//   benchPlan({ graph: getGraph(), deck: getDeckSource(), clock: () => performance.now() })
// plans the whole prerequisite closure of a role from level 0 (the largest role unless
// `roleId` is given), at 45 minutes a day with a target date a year out, so the
// feasibility search runs too. The clock is passed in: the core reads no ambient time.
import { computeGap } from '../gap';
import type { Graph } from '../types';
import { planStudy } from './planner';
import type { PlanCard, PlanInput } from './types';

export interface BenchOptions {
	graph: Graph;
	deck: readonly PlanCard[];
	clock: () => number;
	roleId?: string;
	runs?: number;
	warmup?: number;
	targetDate?: string | null;
}

export interface BenchResult {
	roleId: string;
	steps: number;
	runs: number;
	medianMs: number;
	p95Ms: number;
	minMs: number;
}

/** The planner's input for a role learned from scratch. */
export function roleInput(graph: Graph, deck: readonly PlanCard[], roleId: string): PlanInput {
	const role = graph.roleById.get(roleId);
	if (!role) throw new RangeError(`unknown role: ${roleId}`);
	const targetSkills = role.skills.map((s) => ({
		id: s.id,
		targetLevel: s.level,
		importance: s.importance,
		weight: s.weight
	}));
	return {
		graph,
		gap: computeGap(graph, targetSkills, new Map()).entries,
		deck,
		budget: {
			minutesPerDay: 45,
			studyDays: [1, 2, 3, 4, 5, 6, 7],
			lightDays: [6, 7],
			lightMinutes: 20
		},
		start: '2026-03-02',
		targetDate: '2027-03-01'
	};
}

export function benchPlan(options: BenchOptions): BenchResult {
	const { graph, deck, clock } = options;
	const runs = options.runs ?? 50;
	const roleId =
		options.roleId ??
		graph.roles
			.map((r) => ({ id: r.id, steps: planStudy(roleInput(graph, deck, r.id)).items.length }))
			.reduce((a, b) => (b.steps > a.steps ? b : a)).id;
	const input = {
		...roleInput(graph, deck, roleId),
		targetDate: options.targetDate ?? '2027-03-01'
	};
	const steps = planStudy(input).items.length;
	// Measure the steady state a running server sees: the first runs include V8 compiling and
	// re-optimising the planner (p95 of 45 ms with one warm-up run against 15 ms after 20).
	for (let i = 0; i < (options.warmup ?? 20); i++) planStudy(input);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = clock();
		planStudy(input);
		times.push(clock() - t0);
	}
	times.sort((a, b) => a - b);
	const round = (ms: number) => Math.round(ms * 100) / 100;
	return {
		roleId,
		steps,
		runs,
		medianMs: round(times[Math.floor(runs / 2)]!),
		p95Ms: round(times[Math.min(runs - 1, Math.floor(runs * 0.95))]!),
		minMs: round(times[0]!)
	};
}
