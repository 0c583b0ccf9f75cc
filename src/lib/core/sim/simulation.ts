// A whole experiment: the same learners under every variant (policy × credit × transfer),
// summarised per variant. Deterministic for a seed.
import { feasibility, type Feasibility } from './feasibility';
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
	/** Interview-date mode's recall level; null when off. */
	peak: number | null;
}

export const DEFAULT_VARIANTS: Variant[] = [
	{ name: 'naive', policy: 'naive', credit: false, transfer: 0, peak: null },
	{ name: 'prerequisites', policy: 'prerequisites', credit: false, transfer: 0, peak: null },
	...[0, 0.25, 0.5].flatMap((transfer) =>
		[false, true].map((credit) => ({
			name: `gapwise ${credit ? 'credit on' : 'credit off'} · transfer ${transfer}`,
			policy: 'gapwise' as const,
			credit,
			transfer,
			peak: null
		}))
	),
	...[0.9, 0.95].map((peak) => ({
		name: `gapwise date mode ${peak}`,
		policy: 'gapwise' as const,
		credit: false,
		transfer: 0,
		peak
	}))
];

/** The interview date of every simulated learner (a day index), unless the config says otherwise. */
export const DEFAULT_DATE_DAY = 120;

export interface SimConfig {
	seed: number;
	learners: number;
	horizon: number;
	measureEvery: number;
	/** The interview date (day index): date mode peaks there, and every variant reports it. */
	dateDay: number;
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
	/** Share of target cards truly recalled ≥ 0.9 on the date, per learner. */
	dateShare: Spread;
	meanDateShare: number;
	/** Review minutes before the date, per learner in total. */
	meanReviewMinutesToDate: number;
	/** Median true readiness over learners, per measurement day. */
	readiness: { day: number; median: number; p10: number; p90: number }[];
}

export interface RoleSummary {
	roleId: string;
	learners: number;
	feasibility: Feasibility;
	variants: VariantSummary[];
}

export function learnersFor(
	world: SimWorld,
	config: Pick<SimConfig, 'seed' | 'learners'>,
	from = 0,
	to = config.learners
) {
	const out: SimLearner[] = [];
	// Each learner is drawn from their own stream, so any slice draws the same people.
	for (let i = from; i < to; i++)
		out.push(drawLearner(Random.derive(config.seed, 1_000_000 + i), i, world.required));
	return out;
}

/** Results per variant, in learner order, for learners `from` to `to` (exclusive). */
export function runLearners(
	world: SimWorld,
	config: SimConfig,
	from = 0,
	to = config.learners
): RunResult[][] {
	const learners = learnersFor(world, config, from, to);
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
					transfer: variant.transfer,
					peak: variant.peak === null ? null : { day: config.dateDay, level: variant.peak },
					dateDay: config.dateDay
				})
			);
		});
	}
	return results;
}

/** The summary of every variant's runs (as runLearners returns them, for all learners). */
export function summariseRole(
	world: SimWorld,
	config: SimConfig,
	results: RunResult[][]
): RoleSummary {
	return {
		roleId: world.role.id,
		learners: results[0]?.length ?? 0,
		feasibility: feasibility(world, learnersFor(world, config), config.horizon),
		variants: config.variants.map((variant, v) => summarise(variant, results[v]!))
	};
}

export function runRole(world: SimWorld, config: SimConfig): RoleSummary {
	return summariseRole(world, config, runLearners(world, config));
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
		dateShare: spread(runs.map((r) => r.dateShare)),
		meanDateShare: mean(runs.map((r) => r.dateShare ?? 0)),
		meanReviewMinutesToDate: mean(runs.map((r) => r.reviewMinutesToDate)),
		readiness: days.map((day, i) => {
			const s = spread(runs.map((r) => r.snapshots[i]?.readiness ?? null));
			return { day, median: s.median ?? 0, p10: s.p10 ?? 0, p90: s.p90 ?? 0 };
		})
	};
}
