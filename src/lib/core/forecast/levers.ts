// What would move the date the plan reaches the target: the same planner run again with more
// minutes a day, or without the nice-to-have skills, and — when the date is missed — the
// minutes the planner says the date needs, or the date the plan does reach.
import { computeGap, type CurrentLevel } from '../gap';
import { addDays, dayNumber, formatDay } from '../plan/dates';
import { scaleBudget } from '../plan/feasibility';
import { planStudy } from '../plan/planner';
import { HORIZON_DAYS } from '../plan/schedule';
import type { Plan, PlanGraph, PlanInput } from '../plan/types';
import type { TargetSkill } from '../types';
import type { SkillGraph } from '../graph';
import { reachDate, type ForecastInput } from './forecast';

/** The "more minutes" lever: a step a learner can picture taking. */
export const EXTRA_MINUTES = 20;
/** The plan settings' ceiling on minutes a day. */
const MAX_MINUTES = 600;

export interface LeverInput {
	/** What the learner's plan was made from. */
	planInput: PlanInput & { graph: PlanGraph & SkillGraph };
	/** The learner's plan, as made from `planInput`. */
	plan: Plan;
	/** The forecast's input for that plan (its steps, entries, memory). */
	forecast: ForecastInput;
	targetSkills: readonly TargetSkill[];
	targetDate: string | null;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** One sentence on what would move the date. */
export function whatMovesTheDate(input: LeverInput): string {
	const { forecast: f, planInput, targetDate } = input;
	if (f.entries.every((e) => e.current >= e.target))
		return 'You meet every target level today: a few minutes of reviews a day keep it so.';
	const lastDay = addDays(f.today, HORIZON_DAYS);
	const reachWith = (plan: Plan, entries = f.entries) =>
		reachDate({ ...f, entries, steps: plan.items }, lastDay);
	const baseline = reachDate(f, lastDay);

	if (baseline && targetDate && baseline > targetDate) {
		const needed = input.plan.feasibility.neededMinutesPerDay;
		const more = needed === null ? null : needed - planInput.budget.minutesPerDay;
		return more !== null && more > 0 && needed! <= MAX_MINUTES
			? `You would reach it on ${formatDay(baseline)}, after your date: with ${more} more minutes a day you would make ${formatDay(targetDate)}, or move your date to ${formatDay(baseline)}.`
			: `You would reach it on ${formatDay(baseline)}, after your date: move your date to ${formatDay(baseline)}, or drop nice-to-have skills from the target.`;
	}

	const options: { date: string; lead: string }[] = [];
	const minutes = planInput.budget.minutesPerDay + EXTRA_MINUTES;
	if (minutes <= MAX_MINUTES) {
		const date = reachWith(
			planStudy({ ...planInput, budget: scaleBudget(planInput.budget, minutes) })
		);
		if (date)
			options.push({
				date,
				lead: `With ${EXTRA_MINUTES} more minutes a day you would reach it on ${formatDay(date)}`
			});
	}
	const musts = input.targetSkills.filter((t) => t.importance === 'must');
	const dropped = input.targetSkills.length - musts.length;
	if (dropped > 0 && musts.length > 0) {
		const levels = new Map<string, CurrentLevel>(
			planInput.gap.map((e) => [e.skillId, { selfRated: e.selfRated, current: e.current }])
		);
		const gap = computeGap(planInput.graph, musts, levels).entries;
		const date = reachWith(planStudy({ ...planInput, gap }), gap);
		if (date)
			options.push({
				date,
				lead: `Without the ${dropped} nice-to-have skill${dropped === 1 ? '' : 's'} you would reach the rest on ${formatDay(date)}`
			});
	}
	const best = options
		.filter((o) => baseline === null || o.date < baseline)
		.sort((a, b) => a.date.localeCompare(b.date))[0];
	// No date at all: the budget does not finish within the planner's ten years, or a step the
	// target needs was skipped (the plan counts it as reached; the gap does not).
	const tooSlow = f.steps.some((s) => s.end === null);
	if (baseline === null) {
		if (best) return `${best.lead}; at this pace the plan does not finish within ten years.`;
		return tooSlow
			? 'At this budget the plan does not finish within ten years: add minutes or study days on /plan, or drop skills from the target.'
			: 'A step the target needs was skipped, so the plan never brings that skill to its level: re-plan on /plan to get a date.';
	}
	return best
		? `${best.lead}, ${days(dayNumber(baseline) - dayNumber(best.date))} sooner.`
		: `At this pace you reach it on ${formatDay(baseline)}; more minutes a day would not bring it sooner.`;
}
