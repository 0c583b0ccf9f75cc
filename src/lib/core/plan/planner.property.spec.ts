// Property tests over random graphs, gaps and budgets (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, dayNumber, isoWeekLabel, isoWeekday } from './dates';
import { planStudy } from './planner';
import { skill } from './plan-fixtures';
import type { GapEntry, Prerequisite } from '../types';
import type { PlanBudget, PlanInput } from './types';

const AREAS = ['a', 'b', 'c'];
const hoursArb = fc.tuple(
	fc.integer({ min: 1, max: 12 }),
	fc.integer({ min: 1, max: 20 }),
	fc.integer({ min: 1, max: 30 }),
	fc.integer({ min: 1, max: 30 })
);

/** A random DAG: skill i may only need skills with a lower index. */
const graphArb = fc.integer({ min: 1, max: 10 }).chain((n) =>
	fc
		.tuple(
			...Array.from({ length: n }, (_, i) =>
				fc.record({
					area: fc.constantFrom(...AREAS),
					hours: hoursArb,
					prerequisites: fc.array(
						fc.record({
							id: fc.integer({ min: 0, max: Math.max(0, i - 1) }),
							level: fc.integer({ min: 1, max: 4 }),
							forLevel: fc.integer({ min: 1, max: 4 })
						}),
						{ maxLength: i === 0 ? 0 : 3 }
					)
				})
			)
		)
		.map((specs) => ({
			skills: specs.map((s, i) =>
				skill(
					`s${i}`,
					s.area,
					s.hours as [number, number, number, number],
					s.prerequisites.map((p): Prerequisite => ({ ...p, id: `s${p.id}` }))
				)
			)
		}))
);

const budgetArb: fc.Arbitrary<PlanBudget> = fc
	.record({
		minutesPerDay: fc.integer({ min: 15, max: 240 }),
		studyDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
		lightDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }),
		lightShare: fc.double({ min: 0.2, max: 1, noNaN: true })
	})
	.map(({ lightShare, ...b }) => ({
		...b,
		lightMinutes: Math.round(b.minutesPerDay * lightShare)
	}));

const inputArb: fc.Arbitrary<PlanInput> = graphArb.chain((graph) =>
	fc
		.record({
			graph: fc.constant(graph),
			gap: fc
				.uniqueArray(
					fc.record({
						skill: fc.integer({ min: 0, max: graph.skills.length - 1 }),
						current: fc.integer({ min: 0, max: 3 }),
						extra: fc.integer({ min: 0, max: 4 }),
						weight: fc.constantFrom(0.5, 1, 0.25),
						direct: fc.boolean()
					}),
					{ selector: (e) => e.skill, minLength: 1, maxLength: graph.skills.length }
				)
				.map((entries) =>
					entries.map((e): GapEntry => {
						const target = Math.min(4, e.current + e.extra);
						return {
							skillId: `s${e.skill}`,
							current: e.current,
							target,
							selfRated: e.current,
							gap: target - e.current,
							weight: e.weight,
							direct: e.direct,
							via: []
						};
					})
				),
			deck: fc.constant(
				graph.skills.flatMap((s) =>
					[1, 2, 3, 4].map((level) => ({ id: `${s.id}-${level}`, skillId: s.id, level }))
				)
			),
			budget: budgetArb,
			start: fc
				.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2030-12-31') })
				.map((d) => addDays('2024-01-01', d - dayNumber('2024-01-01'))),
			targetDate: fc.option(
				fc.integer({ min: 0, max: 400 }).map((d) => addDays('2026-01-01', d)),
				{ nil: null }
			),
			breaks: fc.array(
				fc.record({
					from: fc.integer({ min: 0, max: 120 }),
					length: fc.integer({ min: 0, max: 21 })
				}),
				{ maxLength: 2 }
			),
			reviewMinutesPerDay: fc.integer({ min: 0, max: 20 })
		})
		.map((i) => ({
			...i,
			breaks: i.breaks.map((b) => ({
				start: addDays(i.start, b.from),
				end: addDays(i.start, b.from + b.length)
			}))
		}))
);

function dayBudget(input: PlanInput, date: string): number {
	const wd = isoWeekday(dayNumber(date));
	if (!input.budget.studyDays.includes(wd)) return 0;
	if ((input.breaks ?? []).some((b) => date >= b.start && date <= b.end)) return 0;
	return input.budget.lightDays.includes(wd)
		? input.budget.lightMinutes
		: input.budget.minutesPerDay;
}

/** Gap steps, plus what prerequisites pull in — computed here independently of the planner. */
function levelOf(input: PlanInput, id: string) {
	return input.gap.find((e) => e.skillId === id)?.current ?? 0;
}

const RUNS = { numRuns: 150 };

describe('planStudy properties', () => {
	it('schedules every gap step exactly once', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const plan = planStudy(input);
				const keys = plan.items.map((i) => i.key);
				expect(new Set(keys).size).toBe(keys.length);
				for (const e of input.gap) {
					for (let l = e.current + 1; l <= e.target; l++) {
						expect(keys.filter((k) => k === `${e.skillId}@${l}`)).toHaveLength(1);
					}
				}
				for (const item of plan.items) {
					const scheduled = item.end !== null;
					expect(scheduled).toBe(!plan.unscheduled.includes(item.key));
					if (scheduled)
						expect(item.sessions.reduce((s, x) => s + x.minutes, 0)).toBe(item.minutes);
				}
			}),
			RUNS
		);
	});

	it('never starts a step before its prerequisites reach the level it needs', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const plan = planStudy(input);
				const end = new Map(plan.items.map((i) => [i.key, i.end]));
				const reachedBy = (id: string, level: number): string | null | undefined =>
					level <= levelOf(input, id) ? '' : end.get(`${id}@${level}`);
				for (const item of plan.items) {
					if (item.start === null) continue;
					const node = input.graph.skills.find((s) => s.id === item.skillId)!;
					const needs = [{ id: item.skillId, level: item.toLevel - 1 }];
					for (const p of node.prerequisites) if (p.forLevel <= item.toLevel) needs.push(p);
					for (const need of needs) {
						const at = reachedBy(need.id, need.level);
						expect(at, `${item.key} needs ${need.id}@${need.level}`).not.toBeUndefined();
						expect(at, `${item.key} needs ${need.id}@${need.level}`).not.toBeNull();
						expect(
							at! <= item.start,
							`${item.key} starts ${item.start}, ${need.id}@${need.level} ends ${at}`
						).toBe(true);
					}
				}
			}),
			RUNS
		);
	});

	it('never exceeds the day or week budget, reviews included', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				const plan = planStudy(input);
				const studyByDay = new Map<string, number>();
				for (const i of plan.items)
					for (const s of i.sessions)
						studyByDay.set(s.date, (studyByDay.get(s.date) ?? 0) + s.minutes);
				for (const [date, minutes] of studyByDay) {
					expect(date >= input.start).toBe(true);
					expect(minutes).toBeLessThanOrEqual(dayBudget(input, date));
				}
				for (const w of plan.weeks) {
					let budget = 0;
					let study = 0;
					for (let d = 0; d < 7; d++) {
						const date = addDays(w.start, d);
						if (date < input.start) continue;
						budget += dayBudget(input, date);
						study += studyByDay.get(date) ?? 0;
					}
					expect(isoWeekLabel(dayNumber(w.start))).toBe(w.week);
					expect(w.budgetMinutes).toBe(budget);
					expect(w.studyMinutes).toBe(study);
					expect(study + w.reviewMinutes).toBeLessThanOrEqual(budget);
				}
			}),
			RUNS
		);
	});

	it('is deterministic for the same input', () => {
		fc.assert(
			fc.property(inputArb, (input) => {
				expect(JSON.stringify(planStudy(structuredClone(input)))).toBe(
					JSON.stringify(planStudy(input))
				);
			}),
			{ numRuns: 60 }
		);
	});

	it('interleaves independent areas: never three weeks in a row on one area while another has work', () => {
		const independent = fc.record({
			a: hoursArb,
			b: hoursArb,
			minutes: fc.integer({ min: 20, max: 120 })
		});
		fc.assert(
			fc.property(independent, ({ a, b, minutes }) => {
				const plan = planStudy({
					graph: { skills: [skill('x', 'a', a), skill('y', 'b', b)] },
					gap: [
						{
							skillId: 'x',
							current: 0,
							target: 4,
							selfRated: 0,
							gap: 4,
							weight: 1,
							direct: true,
							via: []
						},
						{
							skillId: 'y',
							current: 0,
							target: 4,
							selfRated: 0,
							gap: 4,
							weight: 1,
							direct: true,
							via: []
						}
					],
					deck: [],
					budget: {
						minutesPerDay: minutes,
						studyDays: [1, 2, 3, 4, 5, 6, 7],
						lightDays: [],
						lightMinutes: 0
					},
					start: '2026-03-02'
				});
				const lastOf = (area: string) =>
					plan.items
						.filter((i) => i.area === area)
						.map((i) => i.end!)
						.sort()
						.at(-1)!;
				for (let w = 2; w < plan.weeks.length; w++) {
					const run = plan.weeks.slice(w - 2, w + 1).map((x) => x.areas.join(','));
					const single = run.every((r) => r === run[0]) && !run[0]!.includes(',');
					if (!single) continue;
					// Allowed only when the other area had nothing left to do by then.
					const other = run[0] === 'a' ? 'b' : 'a';
					expect(lastOf(other) < plan.weeks[w]!.start, `weeks ${w - 2}..${w}`).toBe(true);
				}
			}),
			RUNS
		);
	});
});
