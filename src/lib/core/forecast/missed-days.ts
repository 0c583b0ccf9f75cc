// How often the learner skips a study day: the share of their recent study days (the plan's
// weekdays) with no review logged. Days before their first review do not count.
import { dayNumber, isoWeekday } from '../plan/dates';

/** Without enough history: the middle of the simulator's 5–30 % range of missed days. */
export const DEFAULT_MISSED_DAY_RATE = 0.15;
/** Four weeks back: recent enough to describe the learner now. */
export const MISSED_DAY_WINDOW = 28;
const MIN_STUDY_DAYS = 7;

/**
 * `reviewDays`: the learner's calendar dates with at least one review; `firstReview`: the date
 * of their first review ever (null without any). Today is not judged (it is not over).
 */
export function missedDayRate(
	reviewDays: Iterable<string>,
	firstReview: string | null,
	studyDays: readonly number[],
	today: string
): number {
	if (firstReview === null) return DEFAULT_MISSED_DAY_RATE;
	const reviewed = new Set([...reviewDays].map(dayNumber));
	const end = dayNumber(today) - 1;
	const start = Math.max(dayNumber(firstReview), end - MISSED_DAY_WINDOW + 1);
	let due = 0;
	let missed = 0;
	for (let day = start; day <= end; day++) {
		if (!studyDays.includes(isoWeekday(day))) continue;
		due += 1;
		if (!reviewed.has(day)) missed += 1;
	}
	return due < MIN_STUDY_DAYS ? DEFAULT_MISSED_DAY_RATE : missed / due;
}
