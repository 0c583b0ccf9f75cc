// The study planner: gap + graph + budget → dated, explained plan items grouped by week.
// Pure and deterministic: the same input gives the same plan, byte for byte.
import { dayNumber, isoDate, isoWeekLabel, weekStartDay } from './dates';
import { chainFor, explain } from './explain';
import { describeFeasibility, minutesNeeded } from './feasibility';
import { expectedSecondsPerReview, MAX_REVIEW_SHARE } from './review-load';
import { dayBudgetFor, schedule, type Schedule } from './schedule';
import { prepareSteps, stepKey, type PreparedSteps } from './steps';
import type { Plan, PlanBudget, PlanInput, PlanItem, PlanWeek } from './types';

/** Whole minutes, known weekdays only, light days a subset of study days. */
export function normaliseBudget(budget: PlanBudget): PlanBudget {
	const minutesPerDay = Math.max(0, Math.floor(budget.minutesPerDay) || 0);
	const days = (list: number[]) =>
		[...new Set(list.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7))].sort();
	const studyDays = days(budget.studyDays);
	return {
		minutesPerDay,
		studyDays,
		lightDays: days(budget.lightDays).filter((d) => studyDays.includes(d)),
		lightMinutes: Math.min(minutesPerDay, Math.max(0, Math.floor(budget.lightMinutes) || 0))
	};
}

function cardsByStep(input: PlanInput): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const card of input.deck) {
		if (card.retired) continue;
		const key = stepKey(card.skillId, card.level);
		const list = map.get(key);
		if (list) list.push(card.id);
		else map.set(key, [card.id]);
	}
	return map;
}

export function planStudy(input: PlanInput): Plan {
	const budget = normaliseBudget(input.budget);
	const startDay = dayNumber(input.start);
	const breaks = (input.breaks ?? [])
		.map((b) => ({ start: dayNumber(b.start), end: dayNumber(b.end) }))
		.filter((b) => b.end >= b.start);
	const secondsPerReview = input.secondsPerReview ?? expectedSecondsPerReview();
	const baseReviewMinutes = Math.max(0, input.reviewMinutesPerDay ?? 0);
	const prepared = prepareSteps(input);
	const cards = cardsByStep(input);
	const cardIds = prepared.steps.map((s) => cards.get(s.key) ?? []);
	const cardCounts = cardIds.map((c) => c.length);

	const run = (b: PlanBudget, stopAfterDay?: number) =>
		schedule(prepared.steps, {
			budget: b,
			startDay,
			breaks,
			baseReviewMinutes,
			secondsPerReview,
			cardCounts,
			stopAfterDay
		});
	const sched = run(budget);

	const targetDate = input.targetDate ?? null;
	const empty = prepared.steps.length === 0;
	let needed: number | null = null;
	const fitsNow =
		targetDate !== null && sched.finishDay !== null && sched.finishDay <= dayNumber(targetDate);
	if (targetDate && !empty && !fitsNow && budget.studyDays.length > 0) {
		const targetDay = dayNumber(targetDate);
		const span = targetDay - startDay + 1;
		const estimate =
			sched.finishDay !== null && span > 0
				? (budget.minutesPerDay * (sched.finishDay - startDay + 1)) / span
				: undefined;
		needed = minutesNeeded(budget, (b) => run(b, targetDay).unscheduled.length === 0, estimate);
	}
	const feasibility = describeFeasibility({
		budget,
		targetDate,
		finishDay: sched.finishDay,
		empty,
		needed
	});

	const order = itemOrder(prepared, sched);
	const items = order.map((i) => buildItem(i, prepared, sched, cardIds[i]!));
	return {
		start: input.start,
		finish: sched.finishDay === null ? null : isoDate(sched.finishDay),
		items,
		weeks: buildWeeks(order, prepared, sched, startDay, (day) => dayBudgetFor(budget, breaks, day)),
		totalMinutes: prepared.steps.reduce((sum, s) => sum + s.minutes, 0),
		feasible: feasibility.fits,
		feasibility,
		pacing: {
			secondsPerReview: Math.round(secondsPerReview * 10) / 10,
			reviewMinutesPerDay: Math.round(baseReviewMinutes * 10) / 10,
			newPerDay: sched.newPerDay,
			maxReviewShare: MAX_REVIEW_SHARE
		},
		unscheduled: sched.unscheduled.map((i) => prepared.steps[i]!.key)
	};
}

/** Steps in the order they are first studied; never-started ones follow by priority. */
function itemOrder(prepared: PreparedSteps, sched: Schedule): number[] {
	const seen = new Set(sched.order);
	const rest = prepared.steps
		.filter((s) => !seen.has(s.index))
		.sort((a, b) => b.priority - a.priority || a.index - b.index)
		.map((s) => s.index);
	return [...sched.order, ...rest];
}

function buildItem(
	i: number,
	prepared: PreparedSteps,
	sched: Schedule,
	cardIds: string[]
): PlanItem {
	const step = prepared.steps[i]!;
	const done = sched.endDay[i]! >= 0;
	// A step cut off by the horizon keeps the sessions it got: they used the budget.
	const sessions = sched.sessions[i]!.map(([day, minutes]) => ({ date: isoDate(day), minutes }));
	const chain = chainFor(step, prepared);
	const rubric = step.skill.levels[step.toLevel - 1];
	return {
		key: step.key,
		skillId: step.skill.id,
		skillName: step.skill.name,
		area: step.skill.area,
		fromLevel: step.toLevel - 1,
		toLevel: step.toLevel,
		hours: step.hours,
		minutes: step.minutes,
		cardIds,
		can: rubric?.can ?? [],
		project: step.toLevel === 2 || step.toLevel === 3 ? (rubric?.project ?? null) : null,
		start: sessions[0]?.date ?? null,
		end: done ? isoDate(sched.endDay[i]!) : null,
		sessions,
		reason: explain(step, chain, prepared),
		targetSkillId: chain[0]!,
		chain,
		weight: step.weight,
		direct: step.direct,
		after: step.after.map((a) => prepared.steps[a]!.key),
		unlocks: step.targets.size,
		priority: Math.round(step.priority * 1000) / 1000,
		added: step.added
	};
}

function buildWeeks(
	order: number[],
	prepared: PreparedSteps,
	sched: Schedule,
	startDay: number,
	budgetOf: (day: number) => number
): PlanWeek[] {
	let lastDay = -Infinity;
	for (const i of order) {
		const last = sched.sessions[i]!.at(-1);
		if (last) lastDay = Math.max(lastDay, last[0]);
	}
	if (lastDay === -Infinity) return [];
	const firstWeek = weekStartDay(startDay);
	const weeks: PlanWeek[] = [];
	for (let ws = firstWeek; ws <= lastDay; ws += 7) {
		let budgetMinutes = 0;
		let reviewMinutes = 0;
		let studyMinutes = 0;
		for (let day = Math.max(ws, startDay); day < ws + 7; day++) {
			// The simulation stops at the last step; the rest of that week still has its budget.
			const t = day - startDay;
			budgetMinutes += budgetOf(day);
			if (t >= sched.days) continue;
			reviewMinutes += sched.dayReview[t]!;
			studyMinutes += sched.dayStudy[t]!;
		}
		weeks.push({
			week: isoWeekLabel(ws),
			start: isoDate(ws),
			end: isoDate(ws + 6),
			items: [],
			budgetMinutes,
			reviewMinutes,
			studyMinutes,
			areas: []
		});
	}
	// Each week lists its items and areas in the order they are studied in it.
	const visits: { day: number; rank: number; step: number }[] = [];
	order.forEach((i, rank) => {
		for (const [day] of sched.sessions[i]!) visits.push({ day, rank, step: i });
	});
	visits.sort((a, b) => a.day - b.day || a.rank - b.rank);
	for (const { day, step } of visits) {
		const week = weeks[Math.floor((day - firstWeek) / 7)]!;
		const { key, skill } = prepared.steps[step]!;
		if (!week.items.includes(key)) week.items.push(key);
		if (!week.areas.includes(skill.area)) week.areas.push(skill.area);
	}
	return weeks;
}
