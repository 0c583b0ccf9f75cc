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
let datesFrom = { at: NaN, timezone: '', dayStartHour: -1, dates: new Map<number, LearnerDate>() };

function dateAfter(at: Date, days: number, timezone: string, dayStartHour: number): LearnerDate {
	const ms = at.getTime();
	if (
		datesFrom.at !== ms ||
		datesFrom.timezone !== timezone ||
		datesFrom.dayStartHour !== dayStartHour
	)
		datesFrom = { at: ms, timezone, dayStartHour, dates: new Map() };
	let date = datesFrom.dates.get(days);
	if (!date) {
		date = learnerDateOf(new Date(ms + days * DAY_MS), timezone, dayStartHour);
		datesFrom.dates.set(days, date);
	}
	return date;
}

/**
 * The interval (days after the review) the balancer picks inside the window, and the cards
 * already due that day: the fewest cards due, then the day closest to the seeded fuzz's own
 * pick, then the earlier day — so an empty calendar keeps plain fuzz. Days are tried from that
 * pick outwards and the first empty one ends the search: a window near the maximum interval
 * spans thousands of days, nearly all empty.
 */
export function balancedPick(
	window: FuzzWindow,
	workload: Workload
): { days: number; load: number } {
	const { minDays, maxDays, fuzzedDays } = window;
	const { timezone, dayStartHour, lightDays } = workload;
	const dateOf = (days: number) => dateAfter(window.reviewedAt, days, timezone, dayStartHour);
	// Light weekdays are avoided when the window holds another day: any week does, unless every
	// weekday is light.
	let avoidLight = lightDays.length > 0 && lightDays.length < 7;
	if (avoidLight && maxDays - minDays < 6) {
		avoidLight = false;
		for (let days = minDays; days <= maxDays && !avoidLight; days++)
			avoidLight = !lightDays.includes(dateOf(days).weekday);
	}
	let best = -1;
	let bestLoad = Infinity;
	/** Takes the day if it carries fewer cards than the best so far; true once one is empty. */
	const consider = (days: number): boolean => {
		if (days < minDays || days > maxDays) return false;
		const date = dateOf(days);
		if (avoidLight && lightDays.includes(date.weekday)) return false;
		const load = workload.dueOn(date.key);
		if (load < bestLoad) {
			best = days;
			bestLoad = load;
		}
		return bestLoad <= 0;
	};
	const reach = Math.max(fuzzedDays - minDays, maxDays - fuzzedDays);
	// The earlier of two equally close days first: it wins a tie.
	for (let distance = 0; distance <= reach; distance++) {
		if (consider(fuzzedDays - distance)) break;
		if (distance > 0 && consider(fuzzedDays + distance)) break;
	}
	return { days: best, load: bestLoad };
}

/** The interval (days after the review) the balancer picks inside the window. */
export function balancedDays(window: FuzzWindow, workload: Workload): number {
	return balancedPick(window, workload).days;
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
