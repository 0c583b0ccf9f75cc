import { describe, expect, it } from 'vitest';
import { generatorParameters } from 'ts-fsrs';
import { computeGap } from '../gap';
import { addDays, dayNumber, formatDay } from '../plan/dates';
import { scaleBudget } from '../plan/feasibility';
import { planStudy } from '../plan/planner';
import { deck, entry, everyDay45, graph } from '../plan/plan-fixtures';
import type { PlanInput } from '../plan/types';
import type { TargetSkill } from '../types';
import { forecast } from './forecast';
import { whatMovesTheDate, type LeverInput } from './levers';

const TODAY = '2026-03-02';
const targetSkills: TargetSkill[] = [
	{ id: 'kubernetes', targetLevel: 2, importance: 'must', weight: 1 },
	{ id: 'stats', targetLevel: 3, importance: 'nice', weight: 0.5 }
];
const gap = [
	entry('kubernetes', 0, 2),
	entry('stats', 0, 3, { weight: 0.5 }),
	entry('docker', 0, 2, { direct: false, via: ['kubernetes'], weight: 0.5 }),
	entry('python', 1, 2, { direct: false, via: ['kubernetes', 'docker'], weight: 0.5 })
];

function levers(minutesPerDay: number, targetDate: string | null): LeverInput {
	const planInput: LeverInput['planInput'] = {
		graph,
		gap,
		deck,
		budget: { ...everyDay45, minutesPerDay },
		start: TODAY,
		targetDate
	} satisfies PlanInput;
	const plan = planStudy(planInput);
	return {
		planInput,
		plan,
		targetSkills,
		targetDate,
		forecast: {
			today: TODAY,
			horizonEnd: targetDate ?? addDays(TODAY, 90),
			entries: gap,
			steps: plan.items,
			memory: {
				parameters: generatorParameters().w,
				optimised: false,
				desiredRetention: 0.9,
				missedDayRate: 0.15
			}
		}
	};
}

describe('whatMovesTheDate', () => {
	it('names the lever that brings the date forward most, with the date it gives', () => {
		const input = levers(45, null);
		const baseline = forecast(input.forecast).reachesTarget!;
		const faster = forecast({
			...input.forecast,
			steps: planStudy({ ...input.planInput, budget: scaleBudget(input.planInput.budget, 65) })
				.items
		}).reachesTarget!;
		const levels = new Map(gap.map((e) => [e.skillId, e.current]));
		const musts = computeGap(graph, targetSkills.slice(0, 1), levels).entries;
		const fewer = forecast({
			...input.forecast,
			entries: musts,
			steps: planStudy({ ...input.planInput, gap: musts }).items
		}).reachesTarget!;
		expect(faster < baseline && fewer < baseline).toBe(true);
		const sooner = (d: string) => dayNumber(baseline) - dayNumber(d);
		expect(whatMovesTheDate(input)).toBe(
			faster <= fewer
				? `With 20 more minutes a day you would reach it on ${formatDay(faster)}, ${sooner(faster)} days sooner.`
				: `Without the 1 nice-to-have skill you would reach the rest on ${formatDay(fewer)}, ${sooner(fewer)} days sooner.`
		);
	});

	it('gives the minutes the date needs, or a later date, when the plan misses it', () => {
		const tight = addDays(TODAY, 10);
		const input = levers(30, tight);
		expect(forecast(input.forecast).reachesTarget).toBeNull();
		const sentence = whatMovesTheDate(input);
		const needed = input.plan.feasibility.neededMinutesPerDay!;
		expect(sentence).toContain(
			`with ${needed - 30} more minutes a day you would make ${formatDay(tight)}`
		);
		expect(sentence).toContain(`move your date to ${formatDay(input.plan.finish!)}`);
	});

	it('says why there is no date at all', () => {
		const noDays = levers(45, null);
		noDays.planInput.budget = { ...everyDay45, studyDays: [], lightDays: [] };
		noDays.plan = planStudy(noDays.planInput);
		noDays.forecast.steps = noDays.plan.items;
		expect(whatMovesTheDate(noDays)).toMatch(
			/^At this budget the plan does not finish within ten years/
		);
		const skipped = levers(45, null);
		skipped.planInput.finished = ['kubernetes@2'];
		skipped.plan = planStudy(skipped.planInput);
		skipped.forecast.steps = skipped.plan.items;
		expect(whatMovesTheDate(skipped)).toMatch(/^A step the target needs was skipped/);
	});

	it('says so when nothing is missing', () => {
		const input = levers(45, null);
		input.forecast.entries = gap.map((e) => ({ ...e, current: e.target }));
		expect(whatMovesTheDate(input)).toMatch(/^You meet every target level today/);
	});
});
