// A whole experiment: the same learners under every variant (policy × credit × transfer),
// summarised per variant. Deterministic for a seed.
import { drawLearner, type SimLearner } from './learner';
import { policyPlan, type PolicyName, type PolicyPlan } from './policy';
import { Random } from './random';
import { simulate, type RunResult } from './run';
import { mean, spread, type Spread } from './stats';
import type { SimWorld } from './world';

export interface Variant {
	name: string;
	policy: PolicyName;
	credit: boolean;
	transfer: number;
}

export const DEFAULT_VARIANTS: Variant[] = [
	{ name: 'naive', policy: 'naive', credit: false, transfer: 0 },
	{ name: 'prerequisites', policy: 'prerequisites', credit: false, transfer: 0 },
	...[0, 0.25, 0.5].flatMap((transfer) =>
		[false, true].map((credit) => ({
			name: `gapwise ${credit ? 'credit on' : 'credit off'} · transfer ${transfer}`,
			policy: 'gapwise' as const,
			credit,
			transfer
		}))
	)
];

export interface SimConfig {
	seed: number;
	learners: number;
	horizon: number;
	measureEvery: number;
	variants: Variant[];
}

export interface VariantSummary {
	variant: Variant;
	/** Share of learners who reached the target within the horizon. */
	reachedShare: number;
	/** Days to the target among learners who reached it. */
	daysToTarget: Spread;
	reviewMinutesPerDay: Spread;
	meanReviewMinutesPerDay: number;
	newMinutesPerDay: Spread;
	retention90: Spread;
	retention180: Spread;
	meanRetention180: number;
	overBudgetShare: Spread;
	meanOverBudgetShare: number;
	/** Median true readiness over learners, per measurement day. */
	readiness: { day: number; median: number; p10: number; p90: number }[];
}

export interface RoleSummary {
	roleId: string;
	learners: number;
	variants: VariantSummary[];
}

export function learnersFor(world: SimWorld, config: Pick<SimConfig, 'seed' | 'learners'>) {
	const out: SimLearner[] = [];
	for (let i = 0; i < config.learners; i++)
		out.push(drawLearner(Random.derive(config.seed, 1_000_000 + i), i, world.required));
	return out;
}

export function runRole(world: SimWorld, config: SimConfig): RoleSummary {
	const learners = learnersFor(world, config);
	const results = config.variants.map(() => [] as RunResult[]);
	for (const learner of learners) {
		const plans = new Map<PolicyName, PolicyPlan>();
		config.variants.forEach((variant, v) => {
			let plan = plans.get(variant.policy);
			if (!plan) plans.set(variant.policy, (plan = policyPlan(variant.policy, world, learner)));
			// Every variant replays the learner's own stream: paired comparisons on equal luck.
			const random = Random.derive(config.seed, learner.index);
			results[v]!.push(
				simulate(world, learner, plan, random, {
					horizon: config.horizon,
					measureEvery: config.measureEvery,
					credit: variant.credit,
					transfer: variant.transfer
				})
			);
		});
	}
	return {
		roleId: world.role.id,
		learners: learners.length,
		variants: config.variants.map((variant, v) => summarise(variant, results[v]!))
	};
}

function summarise(variant: Variant, runs: RunResult[]): VariantSummary {
	const days = runs[0]?.snapshots.map((s) => s.day) ?? [];
	return {
		variant,
		reachedShare: runs.filter((r) => r.reachedDay !== null).length / Math.max(1, runs.length),
		daysToTarget: spread(runs.map((r) => r.reachedDay)),
		reviewMinutesPerDay: spread(runs.map((r) => r.reviewMinutesPerDay)),
		meanReviewMinutesPerDay: mean(runs.map((r) => r.reviewMinutesPerDay)),
		newMinutesPerDay: spread(runs.map((r) => r.newMinutesPerDay)),
		retention90: spread(runs.map((r) => r.retention90)),
		retention180: spread(runs.map((r) => r.retention180)),
		meanRetention180: mean(runs.map((r) => r.retention180 ?? 0)),
		overBudgetShare: spread(runs.map((r) => r.overBudgetShare)),
		meanOverBudgetShare: mean(runs.map((r) => r.overBudgetShare)),
		readiness: days.map((day, i) => {
			const s = spread(runs.map((r) => r.snapshots[i]?.readiness ?? null));
			return { day, median: s.median ?? 0, p10: s.p10 ?? 0, p90: s.p90 ?? 0 };
		})
	};
}
