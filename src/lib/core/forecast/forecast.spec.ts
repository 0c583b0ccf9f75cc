import { describe, expect, it } from 'vitest';
import { generatorParameters } from 'ts-fsrs';
import { readinessOf } from '../gap';
import { addDays } from '../plan/dates';
import { planStudy } from '../plan/planner';
import { deck, entry, everyDay45, graph } from '../plan/plan-fixtures';
import type { PlanInput } from '../plan/types';
import {
	forecast,
	pointDays,
	reachDate,
	type ForecastInput,
	type ForecastMemory
} from './forecast';
import { missedDayRate, DEFAULT_MISSED_DAY_RATE } from './missed-days';

const TODAY = '2026-03-02'; // a Monday
const DEFAULTS = generatorParameters().w;
const gap = [
	entry('kubernetes', 0, 2),
	entry('docker', 0, 2, { direct: false, via: ['kubernetes'], weight: 0.5 }),
	entry('python', 1, 2, { direct: false, via: ['kubernetes', 'docker'], weight: 0.5 }),
	entry('git', 2, 2, { weight: 0.5 })
];
const memory: ForecastMemory = {
	parameters: DEFAULTS,
	optimised: false,
	desiredRetention: 0.9,
	missedDayRate: 0.15
};

function planInput(minutesPerDay = 45): PlanInput {
	return { graph, gap, deck, budget: { ...everyDay45, minutesPerDay }, start: TODAY };
}

function input(minutesPerDay = 45, overrides: Partial<ForecastInput> = {}): ForecastInput {
	return {
		today: TODAY,
		horizonEnd: addDays(TODAY, 90),
		entries: gap,
		steps: planStudy(planInput(minutesPerDay)).items,
		memory,
		...overrides
	};
}

describe('forecast', () => {
	it('starts at the gap’s readiness today and is deterministic', () => {
		const a = forecast(input());
		expect(a.today.readiness).toBe(readinessOf(gap));
		expect(a.points[0]).toEqual({
			date: TODAY,
			readiness: expect.closeTo(readinessOf(gap), 4),
			low: expect.closeTo(readinessOf(gap), 4),
			high: expect.closeTo(readinessOf(gap), 4)
		});
		expect(JSON.stringify(forecast(input()))).toBe(JSON.stringify(a));
	});

	it('rises along the plan to near 1, reaching the target on the last needed step’s end', () => {
		const f = forecast(input());
		const plan = planStudy(planInput());
		const last = f.points.at(-1)!;
		expect(last.date).toBe(addDays(TODAY, 90));
		expect(last.readiness).toBeGreaterThan(0.85);
		// Discounted by recall: a level learnt weeks ago is not recalled perfectly.
		expect(last.readiness).toBeLessThan(1);
		expect(f.reachesTarget).toBe(plan.items.find((i) => i.key === 'kubernetes@2')!.end);
	});

	it('keeps every point inside its band, and the band opens once the plan moves', () => {
		for (const rate of [0, 0.15, 0.5]) {
			const f = forecast(input(45, { memory: { ...memory, missedDayRate: rate } }));
			for (const p of f.points) {
				expect(p.low).toBeLessThanOrEqual(p.readiness);
				expect(p.high).toBeGreaterThanOrEqual(p.readiness);
				expect(p.low).toBeGreaterThanOrEqual(0);
				expect(p.high).toBeLessThanOrEqual(1);
			}
			expect(f.points.some((p) => p.high - p.low > 0.05)).toBe(true);
		}
	});

	it('never predicts less with more minutes a day', () => {
		const runs = [30, 45, 90, 180].map((m) => forecast(input(m)));
		for (let i = 1; i < runs.length; i++) {
			runs[i]!.points.forEach((p, j) =>
				expect(p.readiness).toBeGreaterThanOrEqual(runs[i - 1]!.points[j]!.readiness)
			);
			expect(runs[i]!.reachesTarget! <= runs[i - 1]!.reachesTarget!).toBe(true);
		}
		expect(runs[3]!.reachesTarget! < runs[0]!.reachesTarget!).toBe(true);
	});

	it('predicts less for a learner who forgets faster or skips more days', () => {
		const base = forecast(input()).points.at(-1)!.readiness;
		const skips = forecast(input(45, { memory: { ...memory, missedDayRate: 0.6 } }));
		const forgetful = forecast(
			input(45, { memory: { ...memory, parameters: DEFAULTS.map((w, i) => (i < 4 ? w / 5 : w)) } })
		);
		expect(skips.points.at(-1)!.readiness).toBeLessThan(base);
		expect(forgetful.points.at(-1)!.readiness).toBeLessThan(base);
	});

	it('has no target date when the plan finishes after the horizon or never brings a skill there', () => {
		const slow = input(45, { horizonEnd: addDays(TODAY, 14) });
		expect(forecast(slow).reachesTarget).toBeNull();
		expect(reachDate(slow, addDays(TODAY, 3653))).not.toBeNull();
		const withoutLast = input(45);
		withoutLast.steps = withoutLast.steps.filter(
			(s) => !(s.skillId === 'kubernetes' && s.toLevel === 2)
		);
		expect(forecast(withoutLast).reachesTarget).toBeNull();
	});

	it('reaches today when nothing is missing', () => {
		const met = gap.map((e) => ({ ...e, current: e.target }));
		const f = forecast(input(45, { entries: met, steps: [] }));
		expect(f.reachesTarget).toBe(TODAY);
		expect(f.points.every((p) => p.readiness === 1)).toBe(true);
	});
});

describe('pointDays', () => {
	it('is weekly up to the horizon’s last day, and wider on a long horizon', () => {
		expect(pointDays(100, 120)).toEqual([100, 107, 114, 120]);
		expect(pointDays(100, 100)).toEqual([100]);
		const long = pointDays(0, 3650);
		expect(long.length).toBeLessThanOrEqual(28);
		expect(long.at(-1)).toBe(3650);
	});
});

describe('missedDayRate', () => {
	// 2026-03-02 is a Monday; the four weeks before it hold 28 days, 20 of them weekdays.
	const weekdays = [1, 2, 3, 4, 5];
	it('is the share of recent study days with no review', () => {
		const days = Array.from({ length: 28 }, (_, i) => addDays(TODAY, -28 + i));
		expect(missedDayRate(days, '2026-01-01', weekdays, TODAY)).toBe(0);
		const everyOther = days.filter((_, i) => i % 2 === 0);
		const rate = missedDayRate(everyOther, '2026-01-01', [1, 2, 3, 4, 5, 6, 7], TODAY);
		expect(rate).toBe(0.5);
	});

	it('falls back to the default without enough history', () => {
		expect(missedDayRate([], null, weekdays, TODAY)).toBe(DEFAULT_MISSED_DAY_RATE);
		expect(missedDayRate([addDays(TODAY, -1)], addDays(TODAY, -3), weekdays, TODAY)).toBe(
			DEFAULT_MISSED_DAY_RATE
		);
	});
});
