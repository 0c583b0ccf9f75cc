// Simulated learners: a true memory, true starting levels, noisy self-ratings, a budget and
// days they miss. Every draw comes from the Random passed in.
import { clipParameters, default_w } from 'ts-fsrs';
import type { RequiredSkill } from '../graph';
import type { Random } from './random';

export interface SimLearner {
	index: number;
	/** True FSRS-6 parameters, drawn around ts-fsrs's defaults. */
	w: number[];
	/** True level of each required skill on day 0. */
	trueLevels: Map<string, number>;
	/** What the learner tells the app: the true level plus a personal bias plus noise. */
	selfRatings: Map<string, number>;
	/** Positive: rates themselves above their true level. */
	confidenceBias: number;
	minutesPerDay: number;
	/** Probability of skipping any given day. */
	missRate: number;
}

const BUDGETS = [30, 45, 60, 90, 120];
const BUDGET_WEIGHTS = [2, 3, 3, 2, 1];
/** How far below the required level a learner starts, in levels: 0, 1, 2, 3. */
const SHORTFALL_WEIGHTS = [0.2, 0.35, 0.3, 0.15];

const clampLevel = (x: number) => Math.max(0, Math.min(4, Math.round(x)));

/** ts-fsrs's default weights, each scaled by a log-normal factor, then clipped to valid ranges. */
export function drawParameters(random: Random): number[] {
	const w = default_w.map((value, i) => {
		// Initial stabilities (w0–w3) vary most between people; the rest a little.
		const spread = i < 4 ? 0.35 : 0.1;
		return value * Math.exp(spread * random.normal());
	});
	return clipParameters(w, 1, true);
}

export function drawLearner(random: Random, index: number, required: readonly RequiredSkill[]) {
	const confidenceBias = 0.5 * random.normal();
	const trueLevels = new Map<string, number>();
	const selfRatings = new Map<string, number>();
	for (const r of required) {
		const level = Math.max(0, r.level - random.weighted(SHORTFALL_WEIGHTS));
		trueLevels.set(r.id, level);
		selfRatings.set(r.id, clampLevel(level + confidenceBias + 0.5 * random.normal()));
	}
	const learner: SimLearner = {
		index,
		w: drawParameters(random),
		trueLevels,
		selfRatings,
		confidenceBias,
		minutesPerDay: BUDGETS[random.weighted(BUDGET_WEIGHTS)]!,
		missRate: random.uniform(0.05, 0.3)
	};
	return learner;
}
