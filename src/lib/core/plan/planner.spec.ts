import { describe, expect, it } from 'vitest';
import { dayNumber, isoWeekday } from './dates';
import { planStudy } from './planner';
import { deck, entry, everyDay45, graph, skill } from './plan-fixtures';
import type { PlanInput } from './types';

const START = '2026-03-02'; // a Monday

function input(overrides: Partial<PlanInput> = {}): PlanInput {
	return {
		graph,
		gap: [
			entry('kubernetes', 0, 2),
			entry('docker', 0, 2, { direct: false, via: ['kubernetes'], weight: 1 }),
			entry('python', 1, 2, { direct: false, via: ['kubernetes', 'docker'], weight: 1 })
		],
		deck,
		budget: everyDay45,
		start: START,
		...overrides
	};
}
const byKey = (plan: ReturnType<typeof planStudy>) => new Map(plan.items.map((i) => [i.key, i]));

describe('planStudy', () => {
	it('schedules every step once, prerequisites first', () => {
		const plan = planStudy(input());
		expect(plan.items.map((i) => i.key).sort()).toEqual(
			['docker@1', 'docker@2', 'kubernetes@1', 'kubernetes@2', 'python@2'].sort()
		);
		const items = byKey(plan);
		const before = (a: string, b: string) =>
			expect(items.get(a)!.end! <= items.get(b)!.start!, `${a} before ${b}`).toBe(true);
		before('python@2', 'docker@2');
		before('docker@1', 'docker@2');
		before('docker@2', 'kubernetes@1');
		before('kubernetes@1', 'kubernetes@2');
		expect(items.get('docker@2')!.after.sort()).toEqual(['docker@1', 'python@2']);
		expect(plan.unscheduled).toEqual([]);
		expect(plan.finish).toBe(
			plan.items
				.map((i) => i.end!)
				.sort()
				.at(-1)
		);
	});

	it('explains each step: the target it serves, the chain and the weight', () => {
		const items = byKey(planStudy(input()));
		expect(items.get('kubernetes@1')!.reason).toBe(
			'Kubernetes is a target skill (weight 1): this step takes it from level 0 to 1 of the 2 needed.'
		);
		const python = items.get('python@2')!;
		expect(python.chain).toEqual(['kubernetes', 'docker', 'python']);
		expect(python.reason).toBe(
			'Prerequisite for the target skill Kubernetes (weight 1) through Kubernetes → Docker → Python: Python must reach level 2 first.'
		);
	});

	it('lists the cards a step introduces and its project at levels 2 and 3', () => {
		const items = byKey(planStudy(input()));
		expect(items.get('docker@2')!.cardIds).toEqual(['docker-2a', 'docker-2b']);
		expect(items.get('docker@1')!.cardIds).toEqual(['docker-1a']);
		expect(items.get('docker@1')!.project).toBeNull();
		expect(items.get('docker@2')!.project).toBe('project docker 2');
		expect(items.get('docker@2')!.can).toEqual(['can docker 2a', 'can docker 2b']);
		expect(items.get('docker@2')!.minutes).toBe(180);
	});

	it('adds prerequisite steps the gap left out, marked as added', () => {
		const plan = planStudy(input({ gap: [entry('docker', 0, 2)] }));
		const items = byKey(plan);
		expect([...items.keys()].sort()).toEqual(['docker@1', 'docker@2', 'python@1', 'python@2']);
		expect(items.get('python@2')!.added).toBe(true);
		expect(items.get('docker@2')!.added).toBe(false);
		expect(items.get('python@2')!.reason).toContain('Docker');
	});

	it('treats finished steps as reached and leaves them out', () => {
		const plan = planStudy(input({ finished: ['python@2', 'docker@1'] }));
		expect(plan.items.map((i) => i.key).sort()).toEqual([
			'docker@2',
			'kubernetes@1',
			'kubernetes@2'
		]);
		expect(plan.items[0]!.key).toBe('docker@2');
		expect(plan.items[0]!.start).toBe(START);
	});

	it('never studies on days off or during breaks, and keeps light days light', () => {
		const plan = planStudy(
			input({
				budget: { minutesPerDay: 60, studyDays: [1, 2, 3, 5, 6], lightDays: [6], lightMinutes: 15 },
				breaks: [{ start: '2026-03-09', end: '2026-03-15' }]
			})
		);
		for (const item of plan.items) {
			for (const s of item.sessions) {
				const day = dayNumber(s.date);
				expect([1, 2, 3, 5, 6]).toContain(isoWeekday(day));
				expect(s.date < '2026-03-09' || s.date > '2026-03-15').toBe(true);
				if (isoWeekday(day) === 6) expect(s.minutes).toBeLessThanOrEqual(15);
			}
		}
		const without = planStudy(
			input({
				budget: { minutesPerDay: 60, studyDays: [1, 2, 3, 5, 6], lightDays: [6], lightMinutes: 15 }
			})
		);
		expect(plan.finish! > without.finish!).toBe(true);
	});

	it('reserves review time before study time', () => {
		const plan = planStudy(input({ reviewMinutesPerDay: 15 }));
		const perDay = new Map<string, number>();
		for (const i of plan.items)
			for (const s of i.sessions) perDay.set(s.date, (perDay.get(s.date) ?? 0) + s.minutes);
		for (const [date, minutes] of perDay) {
			const light = [6, 7].includes(isoWeekday(dayNumber(date)));
			expect(minutes).toBeLessThanOrEqual(light ? 5 : 30);
		}
		expect(plan.weeks[0]!.reviewMinutes).toBeGreaterThanOrEqual(15 * 7);
		expect(plan.pacing.newPerDay).toBe(0);
	});

	it('says whether a target date fits, and what would make it fit', () => {
		const loose = planStudy(input({ targetDate: '2026-12-31' }));
		expect(loose.feasible).toBe(true);
		expect(loose.feasibility.message).toMatch(/^It fits: you finish on /);

		const tight = planStudy(input({ targetDate: '2026-03-20' }));
		expect(tight.feasible).toBe(false);
		expect(tight.feasibility.finishAtBudget).toBe(tight.finish);
		const needed = tight.feasibility.neededMinutesPerDay!;
		expect(needed).toBeGreaterThan(45);
		expect(tight.feasibility.message).toContain(`you would need ${needed} minutes a day`);
		const scaledLight = Math.round((20 / 45) * needed);
		const budget = { ...everyDay45, minutesPerDay: needed, lightMinutes: scaledLight };
		expect(planStudy(input({ budget, targetDate: '2026-03-20' })).feasible).toBe(true);
		const less = {
			...everyDay45,
			minutesPerDay: needed - 1,
			lightMinutes: Math.round((20 / 45) * (needed - 1))
		};
		expect(planStudy(input({ budget: less })).finish! > '2026-03-20').toBe(true);

		const impossible = planStudy(input({ targetDate: '2026-03-01' }));
		expect(impossible.feasibility.neededMinutesPerDay).toBeNull();
		expect(impossible.feasibility.message).toContain('would not be enough');
		expect(planStudy(input()).feasible).toBeNull();
	});

	it('has nothing to plan when the gap is closed', () => {
		const plan = planStudy(input({ gap: [entry('docker', 2, 2)], targetDate: '2026-04-01' }));
		expect(plan.items).toEqual([]);
		expect(plan.finish).toBeNull();
		expect(plan.feasible).toBe(true);
		expect(plan.feasibility.message).toBe('Nothing left to learn for this target.');
	});

	it('interleaves areas: no area fills more than two weeks in a row when another is ready', () => {
		const plan = planStudy(
			input({
				graph: {
					skills: [skill('big', 'a', [40, 40, 40, 40]), skill('small', 'b', [30, 3, 3, 3])]
				},
				gap: [entry('big', 0, 2), entry('small', 0, 4, { weight: 0.1 })],
				budget: { minutesPerDay: 60, studyDays: [1, 2, 3, 4, 5], lightDays: [], lightMinutes: 0 }
			})
		);
		const weeks = plan.weeks.map((w) => w.areas.join(','));
		for (let i = 2; i < weeks.length; i++) {
			const run = [weeks[i - 2], weeks[i - 1], weeks[i]];
			if (plan.items.some((it) => it.area === 'b' && it.end! >= plan.weeks[i]!.start)) {
				expect(
					run.every((w) => w === 'a'),
					`weeks ${i - 2}..${i}: ${run.join(' | ')}`
				).toBe(false);
			}
		}
		// Two weeks of the big step, two of the other area, then the big step resumes.
		expect(weeks.slice(0, 5)).toEqual(['a', 'a', 'b', 'b', 'a']);
		const big = plan.items.find((i) => i.key === 'big@1')!;
		expect(big.start).toBe(START);
		expect(big.sessions.some((s) => s.date >= plan.weeks[4]!.start)).toBe(true);
	});

	it('groups items by ISO week with budget, review and study minutes', () => {
		const plan = planStudy(input());
		expect(plan.weeks[0]).toMatchObject({
			week: '2026-W10',
			start: '2026-03-02',
			end: '2026-03-08'
		});
		expect(plan.weeks[0]!.budgetMinutes).toBe(5 * 45 + 2 * 20);
		for (const w of plan.weeks) {
			expect(w.reviewMinutes + w.studyMinutes).toBeLessThanOrEqual(w.budgetMinutes);
		}
		const sessions = plan.items.flatMap((i) => i.sessions).reduce((s, x) => s + x.minutes, 0);
		expect(plan.weeks.reduce((s, w) => s + w.studyMinutes, 0)).toBe(sessions);
		expect(sessions).toBe(plan.totalMinutes);
	});

	it('is deterministic and does not read the clock', () => {
		const a = JSON.stringify(planStudy(input({ targetDate: '2026-05-01' })));
		const b = JSON.stringify(planStudy(structuredClone(input({ targetDate: '2026-05-01' }))));
		expect(a).toBe(b);
	});
});
