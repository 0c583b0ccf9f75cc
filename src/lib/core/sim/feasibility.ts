// Whether a target is within reach at all: the hours of material between a learner's true
// levels and the role's required ones, against the most time their budget gives them in the
// horizon (every studied minute spent reading, none on reviews). When the second is smaller, no
// policy can reach the target, and "days to target" says nothing about the policies.
import type { SimLearner } from './learner';
import { spread, type Spread } from './stats';
import type { SimWorld } from './world';

export interface Feasibility {
	/** Hours of material from the true starting levels to the required ones. */
	gapHours: Spread;
	/** Hours a learner can study in the horizon at most: budget × days they do not miss. */
	availableHours: Spread;
	/** Share of learners whose available hours cover their gap. */
	coveredShare: number;
}

export function gapHours(world: SimWorld, learner: SimLearner): number {
	let hours = 0;
	for (const r of world.required) {
		const levels = world.graph.skillById.get(r.id)?.levels ?? [];
		for (let level = (learner.trueLevels.get(r.id) ?? 0) + 1; level <= r.level; level++)
			hours += levels[level - 1]?.hours ?? 0;
	}
	return hours;
}

export function feasibility(
	world: SimWorld,
	learners: readonly SimLearner[],
	horizon: number
): Feasibility {
	const gaps = learners.map((l) => gapHours(world, l));
	const available = learners.map((l) => (l.minutesPerDay * (1 - l.missRate) * horizon) / 60);
	const covered = learners.filter((_, i) => available[i]! >= gaps[i]!).length;
	return {
		gapHours: spread(gaps),
		availableHours: spread(available),
		coveredShare: covered / Math.max(1, learners.length)
	};
}
