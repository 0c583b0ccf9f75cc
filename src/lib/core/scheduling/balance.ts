// Load balancing: inside the fuzz window, put the card on the learner day with the fewest
// cards already due, keeping off the learner's light weekdays when another day is allowed.
import { learnerDateOf, type DayKey, type LearnerDate } from './day';
import { DAY_MS, withDueDays, type CardMemory, type FuzzWindow, type Outcome } from './scheduler';

export interface Workload {
	timezone: string;
	dayStartHour: number;
	lightDays: readonly number[];
	/** Cards due on a learner day, not counting the card being scheduled. */
	dueOn(day: DayKey): number;
}

// The learner days whole days after one instant. A queue previews a hundred cards or more, all
// reviewed "now": their windows share these dates, so they are looked up once per instant.
let datesFrom = { at: NaN, timezone: '', dayStartHour: -1, dates: [] as LearnerDate[] };

function dateAfter(at: Date, days: number, timezone: string, dayStartHour: number): LearnerDate {
	const ms = at.getTime();
	if (
		datesFrom.at !== ms ||
		datesFrom.timezone !== timezone ||
		datesFrom.dayStartHour !== dayStartHour
	)
		datesFrom = { at: ms, timezone, dayStartHour, dates: [] };
	return (datesFrom.dates[days] ??= learnerDateOf(
		new Date(ms + days * DAY_MS),
		timezone,
		dayStartHour
	));
}

/** The interval (days after the review) the balancer picks inside the window. */
export function balancedDays(window: FuzzWindow, workload: Workload): number {
	const candidates: { days: number; day: DayKey; weekday: number }[] = [];
	for (let days = window.minDays; days <= window.maxDays; days++) {
		const date = dateAfter(window.reviewedAt, days, workload.timezone, workload.dayStartHour);
		candidates.push({ days, day: date.key, weekday: date.weekday });
	}
	const light = workload.lightDays;
	const usual = candidates.filter((c) => !light.includes(c.weekday));
	const pool = usual.length > 0 ? usual : candidates;
	let best = pool[0] as (typeof pool)[number];
	let bestLoad = workload.dueOn(best.day);
	for (const candidate of pool.slice(1)) {
		const load = workload.dueOn(candidate.day);
		const closer =
			Math.abs(candidate.days - window.fuzzedDays) < Math.abs(best.days - window.fuzzedDays);
		// Ties go to the seeded fuzz's own pick, so an empty calendar keeps plain fuzz.
		if (load < bestLoad || (load === bestLoad && closer)) {
			best = candidate;
			bestLoad = load;
		}
	}
	return best.days;
}

/**
 * The card's memory with its final due date: a due chosen earlier is kept while it still
 * lies in the window (undo and replay then restore it exactly); otherwise the balancer picks.
 */
export function settleDue(
	outcome: Outcome,
	workload: Workload | null,
	chosenBefore: Date | null = null
): CardMemory {
	const { memory, window } = outcome;
	if (!window) return memory;
	if (chosenBefore) {
		const days = (chosenBefore.getTime() - window.reviewedAt.getTime()) / DAY_MS;
		if (Number.isInteger(days) && days >= window.minDays && days <= window.maxDays) {
			return withDueDays(memory, window, days);
		}
	}
	if (!workload) return memory;
	return withDueDays(memory, window, balancedDays(window, workload));
}
