// The study policies compared on the same learners. Each turns a learner's self-ratings into a
// reading order (level steps with minutes), a supply of new cards and a daily pace.
import { shortestLearningPath } from '../graph';
import { computeGap } from '../gap';
import { planStudy } from '../plan/planner';
import { expectedSecondsPerReview, sustainableNewPerDay } from '../plan/review-load';
import { stepKey } from '../plan/steps';
import { DEFAULT_REVIEW_SETTINGS } from '../scheduling/settings';
import type { SimLearner } from './learner';
import type { SimWorld } from './world';

export type PolicyName = 'gapwise' | 'naive' | 'prerequisites';

export interface SimStep {
	key: string;
	skillId: string;
	level: number;
	minutes: number;
}

export interface PolicyPlan {
	steps: SimStep[];
	/** New cards a day at most. */
	pace: number;
	/** True: a step's cards open when its reading starts (and the next step's, as the app does). */
	cardsFollowReading: boolean;
}

/** Fixed new cards a day for the naive learner: the app's default new-cards limit. */
export const NAIVE_NEW_PER_DAY = DEFAULT_REVIEW_SETTINGS.newCardsPerDay;
export const SIM_START = '2026-01-05';

function toStep(world: SimWorld, skillId: string, level: number, minutes?: number): SimStep {
	const hours = world.graph.skillById.get(skillId)?.levels[level - 1]?.hours ?? 0;
	return { key: stepKey(skillId, level), skillId, level, minutes: minutes ?? hours * 60 };
}

/** Gapwise: the real planner's items in plan order, at the plan's own pace. */
function gapwise(world: SimWorld, learner: SimLearner): PolicyPlan {
	const gap = computeGap(world.graph, world.targets, learner.selfRatings);
	const plan = planStudy({
		graph: world.graph,
		gap: gap.entries,
		deck: world.deck,
		budget: {
			minutesPerDay: learner.minutesPerDay,
			studyDays: [1, 2, 3, 4, 5, 6, 7],
			lightDays: [],
			lightMinutes: 0
		},
		start: SIM_START
	});
	return {
		steps: plan.items.map((i) => toStep(world, i.skillId, i.toLevel, i.minutes)),
		pace: Math.min(DEFAULT_REVIEW_SETTINGS.newCardsPerDay, plan.pacing.newPerDay),
		cardsFollowReading: true
	};
}

/** Topological order of the needed steps, lower levels first, no weights; same pace rule. */
function prerequisites(world: SimWorld, learner: SimLearner): PolicyPlan {
	const path = shortestLearningPath(
		world.graph,
		world.targets.map((t) => ({ id: t.id, level: t.targetLevel })),
		learner.selfRatings
	);
	const pace = sustainableNewPerDay(learner.minutesPerDay, 0, expectedSecondsPerReview());
	return {
		steps: path.map((s) => toStep(world, s.id, s.level)),
		pace: Math.min(DEFAULT_REVIEW_SETTINGS.newCardsPerDay, pace),
		cardsFollowReading: true
	};
}

/** The role's skill list top to bottom, every missing level in turn; a fixed number of new cards. */
function naive(world: SimWorld, learner: SimLearner): PolicyPlan {
	const steps: SimStep[] = [];
	for (const t of world.targets) {
		for (let level = (learner.selfRatings.get(t.id) ?? 0) + 1; level <= t.targetLevel; level++)
			steps.push(toStep(world, t.id, level));
	}
	return { steps, pace: NAIVE_NEW_PER_DAY, cardsFollowReading: false };
}

export function policyPlan(name: PolicyName, world: SimWorld, learner: SimLearner): PolicyPlan {
	if (name === 'gapwise') return gapwise(world, learner);
	if (name === 'prerequisites') return prerequisites(world, learner);
	return naive(world, learner);
}
