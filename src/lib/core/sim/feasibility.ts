// Whether a target is within reach at all: the hours of material between a learner's true
// levels and the role's, against the most time their budget gives them in the horizon (every
// studied minute spent reading, none on reviews). Two sums: the must skills' own levels — all
// the simulator's target test asks to be read, so the least any policy needs — and every level
// the role requires with its prerequisites, which is what Gapwise's plan reads. When even the
// first is out of reach, "days to target" says nothing about the policies.
import type { SimLearner } from './learner';
import { spread, type Spread } from './stats';
import type { SimWorld } from './world';

export interface Feasibility {
	/** Hours of material from the true starting levels to the must skills' target levels. */
	mustHours: Spread;
	/** Hours of material from the true starting levels to every required level (prerequisites too). */
	gapHours: Spread;
	/** Hours a learner can study in the horizon at most: budget × days they do not miss. */
	availableHours: Spread;
	/** Share of learners whose available hours cover their must skills' material. */
	coveredShare: number;
}

export function gapHours(world: SimWorld, learner: SimLearner, mustOnly = false): number {
	const needed = mustOnly
		? world.targets
				.filter((t) => t.importance === 'must')
				.map((t) => ({ id: t.id, level: t.targetLevel }))
		: world.required;
	let hours = 0;
	for (const r of needed) {
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
	const musts = learners.map((l) => gapHours(world, l, true));
	const available = learners.map((l) => (l.minutesPerDay * (1 - l.missRate) * horizon) / 60);
	const covered = learners.filter((_, i) => available[i]! >= musts[i]!).length;
	return {
		mustHours: spread(musts),
		gapHours: spread(learners.map((l) => gapHours(world, l))),
		availableHours: spread(available),
		coveredShare: covered / Math.max(1, learners.length)
	};
}
