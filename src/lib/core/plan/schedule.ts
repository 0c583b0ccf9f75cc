// Lays prepared steps out on the calendar, one day at a time:
//   1. reviews first — the learner's existing load plus the reviews the plan's new cards
//      create (reviews due on a day off wait for the next study day);
//   2. new cards, as many as keep the expected review time inside its share of the budget;
//   3. what is left goes to one step at a time, the best ready one, until it is finished.
// Areas are interleaved: after two weeks in a row spent on one area only, the next week
// starts with a step from another area if one is ready.
import { isoWeekday, weekStartDay } from './dates';
import { MAX_REVIEW_SHARE, NEW_CARD_REVIEW_OFFSETS, sustainableNewPerDay } from './review-load';
import type { Step } from './steps';
import type { PlanBudget } from './types';

/** Planning stops after ten years: a budget that leaves no study time never finishes. */
export const HORIZON_DAYS = 3653;

export interface ScheduleOptions {
	budget: PlanBudget;
	startDay: number;
	/** Inclusive day-number ranges with no study and no reviews. */
	breaks: readonly { start: number; end: number }[];
	baseReviewMinutes: number;
	secondsPerReview: number;
	/** Cards each step introduces (by step index). */
	cardCounts: readonly number[];
	/** Stop once this day is passed (feasibility checks do not need the whole plan). */
	stopAfterDay?: number;
}

export interface Schedule {
	/** Per step: [day, minutes] pairs in date order. */
	sessions: [number, number][][];
	/** Steps in the order they were first studied. */
	order: number[];
	endDay: Int32Array;
	unscheduled: number[];
	finishDay: number | null;
	/** Per day from startDay: budget, reserved review minutes, study minutes. */
	dayBudget: Int32Array;
	dayReview: Int32Array;
	dayStudy: Int32Array;
	days: number;
	newPerDay: number;
}

/** Minutes a calendar day offers: 0 on a break or a day off. */
export function dayBudgetFor(
	budget: PlanBudget,
	breaks: readonly { start: number; end: number }[],
	day: number
): number {
	const weekday = isoWeekday(day);
	if (!budget.studyDays.includes(weekday)) return 0;
	for (const b of breaks) if (day >= b.start && day <= b.end) return 0;
	return budget.lightDays.includes(weekday)
		? Math.min(budget.lightMinutes, budget.minutesPerDay)
		: budget.minutesPerDay;
}

/** How many of a new card's reviews fall on the day it is introduced. */
const REVIEWS_ON_DAY_ONE = NEW_CARD_REVIEW_OFFSETS.filter((o) => o === 0).length;

function hasOtherThan(areas: ReadonlySet<string>, area: string): boolean {
	for (const a of areas) if (a !== area) return true;
	return false;
}

export function schedule(steps: readonly Step[], opts: ScheduleOptions): Schedule {
	const n = steps.length;
	const { budget, startDay, breaks, secondsPerReview: spr } = opts;
	const base = Math.max(0, opts.baseReviewMinutes);
	const reviewCap = MAX_REVIEW_SHARE * budget.minutesPerDay;
	const newPerDay = sustainableNewPerDay(budget.minutesPerDay, base, spr);
	const maxOffset = NEW_CARD_REVIEW_OFFSETS[NEW_CARD_REVIEW_OFFSETS.length - 1]!;
	const horizon = Math.min(HORIZON_DAYS, (opts.stopAfterDay ?? Infinity) - startDay + 1);
	const days = Math.max(0, horizon);

	const load = new Float64Array(days + maxOffset + 1); // reviews of the plan's new cards, by day
	const remaining = steps.map((s) => s.minutes);
	const waiting = steps.map((s) => s.after.length);
	const started = new Uint8Array(n);
	const complete = new Uint8Array(n);
	const endDay = new Int32Array(n).fill(-1);
	const sessions: [number, number][][] = steps.map(() => []);
	const order: number[] = [];
	let ready = steps.filter((s) => s.after.length === 0).map((s) => s.index);
	let doneCount = 0;
	let pendingCards = 0;

	// Without breaks a day's budget depends on its weekday only: looked up, not recomputed.
	const weekBudget = Array.from({ length: 7 }, (_, t) => dayBudgetFor(budget, [], startDay + t));
	const dayBudget = new Int32Array(days);
	const dayReview = new Int32Array(days);
	const dayStudy = new Int32Array(days);

	// Areas of the two previous calendar weeks: the area if the week was spent on one only.
	let prev1: string | null = null;
	let prev2: string | null = null;
	let weekStart = weekStartDay(startDay);
	const weekAreas = new Set<string>();

	let carryMinutes = 0;
	let focus = -1;

	const better = (a: number, b: number) => {
		// Resume a paused step first, then the higher priority, then the earlier step.
		if (started[a] !== started[b]) return started[a]! > started[b]!;
		const pa = steps[a]!.priority;
		const pb = steps[b]!.priority;
		return pa !== pb ? pa > pb : a < b;
	};
	const pick = (blocked: string | null): number => {
		if (ready.length === 0 && doneCount < n) unblockCycle();
		const exclude = blocked && !hasOtherThan(weekAreas, blocked) ? blocked : null;
		let best = -1;
		let bestAny = -1;
		for (const i of ready) {
			if (bestAny < 0 || better(i, bestAny)) bestAny = i;
			if (exclude && steps[i]!.skill.area === exclude) continue;
			if (best < 0 || better(i, best)) best = i;
		}
		return best >= 0 ? best : bestAny;
	};
	// Only reachable with a prerequisite cycle, which validated content never has.
	const unblockCycle = () => {
		let best = -1;
		for (let i = 0; i < n; i++) {
			if (complete[i] || waiting[i]! <= 0) continue;
			if (best < 0 || waiting[i]! < waiting[best]!) best = i;
		}
		if (best >= 0) {
			waiting[best] = 0;
			ready.push(best);
		}
	};
	const begin = (i: number) => {
		if (started[i]) return;
		started[i] = 1;
		order.push(i);
		pendingCards += opts.cardCounts[i] ?? 0;
	};
	const finish = (i: number, day: number) => {
		complete[i] = 1;
		endDay[i] = day;
		doneCount++;
		ready = ready.filter((r) => r !== i);
		for (const d of steps[i]!.dependents) {
			waiting[d] = waiting[d]! - 1;
			if (waiting[d] === 0 && !complete[d]) ready.push(d);
		}
	};
	/** Whether one more new card today keeps every day it returns on inside the review share. */
	const cardFits = (day: number) => {
		if (carryMinutes + (REVIEWS_ON_DAY_ONE * spr) / 60 > reviewCap) return false;
		for (const o of NEW_CARD_REVIEW_OFFSETS) {
			if (o === 0) continue;
			if (base + ((load[day - startDay + o]! + 1) * spr) / 60 > reviewCap) return false;
		}
		return true;
	};

	for (let t = 0; t < days && doneCount < n; t++) {
		const day = startDay + t;
		const ws = weekStartDay(day);
		if (ws !== weekStart) {
			// Every calendar week is recorded, empty ones too: a week off breaks a run.
			const only = weekAreas.size === 1 ? [...weekAreas][0]! : null;
			prev2 = ws - weekStart === 7 ? prev1 : null;
			prev1 = ws - weekStart === 7 ? only : null;
			weekStart = ws;
			weekAreas.clear();
		}
		const blocked = prev1 !== null && prev1 === prev2 ? prev1 : null;

		carryMinutes += base + (load[t]! * spr) / 60;
		const budgetToday = breaks.length > 0 ? dayBudgetFor(budget, breaks, day) : weekBudget[t % 7]!;
		dayBudget[t] = budgetToday;
		if (budgetToday === 0) continue;

		// A week that must change area switches at its first study minutes.
		if (blocked && weekAreas.size === 0 && focus >= 0 && steps[focus]!.skill.area === blocked) {
			const other = pick(blocked);
			if (other >= 0 && steps[other]!.skill.area !== blocked) focus = other;
		}
		if (focus < 0) focus = pick(blocked);
		if (focus >= 0) begin(focus);

		let introduced = 0;
		while (pendingCards > 0 && introduced < newPerDay && cardFits(day)) {
			for (const o of NEW_CARD_REVIEW_OFFSETS) {
				if (o === 0) carryMinutes += spr / 60;
				else load[t + o] = load[t + o]! + 1;
			}
			pendingCards--;
			introduced++;
		}

		const reserved = Math.min(budgetToday, Math.ceil(carryMinutes - 1e-9));
		carryMinutes = Math.max(0, carryMinutes - reserved);
		dayReview[t] = reserved;
		let capacity = budgetToday - reserved;

		while (capacity > 0 && doneCount < n) {
			if (focus < 0) {
				focus = pick(blocked);
				if (focus < 0) break;
				begin(focus);
			}
			const use = Math.min(capacity, remaining[focus]!);
			sessions[focus]!.push([day, use]);
			remaining[focus] = remaining[focus]! - use;
			capacity -= use;
			dayStudy[t] = dayStudy[t]! + use;
			weekAreas.add(steps[focus]!.skill.area);
			if (remaining[focus] === 0) {
				finish(focus, day);
				focus = -1;
			}
		}
	}

	const unscheduled: number[] = [];
	let finishDay: number | null = null;
	for (let i = 0; i < n; i++) {
		if (!complete[i]) unscheduled.push(i);
		else if (finishDay === null || endDay[i]! > finishDay) finishDay = endDay[i]!;
	}
	if (unscheduled.length > 0) finishDay = null;
	return {
		sessions,
		order,
		endDay,
		unscheduled,
		finishDay,
		dayBudget,
		dayReview,
		dayStudy,
		days,
		newPerDay
	};
}
