// Does the plan fit before the target date, and if not, what would?
import { dayNumber, formatDay, isoDate } from './dates';
import type { Feasibility, PlanBudget } from './types';

/** The most a day can hold; a need beyond it means the date cannot be met. */
export const MAX_MINUTES_PER_DAY = 24 * 60;

/** The same budget with `minutes` on normal days and light days scaled alike. */
export function scaleBudget(budget: PlanBudget, minutes: number): PlanBudget {
	const ratio = budget.minutesPerDay > 0 ? budget.lightMinutes / budget.minutesPerDay : 1;
	return {
		...budget,
		minutesPerDay: minutes,
		lightMinutes: Math.min(minutes, Math.round(ratio * minutes))
	};
}

/**
 * The fewest whole minutes per day that finish by the target, by bisection over
 * `finishesBy` (more minutes never finish later, give or take the review pacing; the
 * answer returned is always one that was checked to fit). null when a full day is not enough.
 */
export function minutesNeeded(
	budget: PlanBudget,
	finishesBy: (b: PlanBudget) => boolean,
	/** A first guess (time scales roughly inversely with minutes) to narrow the search. */
	estimate?: number
): number | null {
	if (!finishesBy(scaleBudget(budget, MAX_MINUTES_PER_DAY))) return null;
	let lo = Math.max(0, budget.minutesPerDay);
	let hi = MAX_MINUTES_PER_DAY;
	const fits = (m: number) => finishesBy(scaleBudget(budget, m));
	if (estimate !== undefined && estimate > lo && estimate < hi) {
		// Bracket the guess within ±15 % before bisecting: a few runs instead of eleven.
		const guess = Math.round(estimate);
		if (fits(guess)) {
			hi = guess;
			const below = Math.max(lo, Math.floor(guess * 0.85));
			if (below > lo && !fits(below)) lo = below;
			else if (below > lo) hi = below;
		} else {
			lo = guess;
			const above = Math.min(hi, Math.ceil(guess * 1.15));
			if (above < hi && fits(above)) hi = above;
			else if (above < hi) lo = above;
		}
	}
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (fits(mid)) hi = mid;
		else lo = mid;
	}
	return hi;
}

export function describeFeasibility(args: {
	budget: PlanBudget;
	targetDate: string | null;
	finishDay: number | null;
	empty: boolean;
	needed: number | null;
}): Feasibility {
	const { budget, targetDate, finishDay, empty, needed } = args;
	const finish = finishDay === null ? null : isoDate(finishDay);
	const at = `At ${budget.minutesPerDay} minutes a day`;
	const base = { targetDate, finishAtBudget: finish, neededMinutesPerDay: null };
	if (empty) {
		return {
			...base,
			fits: targetDate ? true : null,
			message: 'Nothing left to learn for this target.'
		};
	}
	if (budget.studyDays.length === 0 || budget.minutesPerDay <= 0) {
		return {
			...base,
			fits: targetDate ? false : null,
			message: 'Choose at least one study day and some minutes per day to get a plan.'
		};
	}
	const finishText = finish
		? `you finish on ${formatDay(finish)}`
		: 'you would not finish within ten years';
	if (!targetDate) return { ...base, fits: null, message: `${at} ${finishText}.` };
	const fits = finishDay !== null && finishDay <= dayNumber(targetDate);
	if (fits) {
		const spare = dayNumber(targetDate) - finishDay!;
		return {
			...base,
			fits,
			message: `It fits: ${finishText}, ${spare} day${spare === 1 ? '' : 's'} before your target date (${formatDay(targetDate)}).`
		};
	}
	const need =
		needed === null
			? `Even ${MAX_MINUTES_PER_DAY / 60} hours a day would not be enough: move the target date.`
			: `To finish by ${formatDay(targetDate)} you would need ${needed} minutes a day.`;
	return {
		...base,
		fits,
		neededMinutesPerDay: needed,
		message: `It does not fit: ${at.toLowerCase()} ${finishText}, after your target date. ${need}`
	};
}
