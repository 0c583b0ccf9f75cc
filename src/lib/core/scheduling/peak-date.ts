// Interview-date mode ("peak on the date"). FSRS spaces reviews for long-term retention and
// does not care about one particular day; a learner with an interview does. The mode only
// touches a target card's *last* interval before the date — the one that would carry the card
// over it — and only when the forgetting curve says recall on the date would fall below the
// chosen level. Then the interval is cut to where recall reaches that level (and to the day
// before the date at the latest), so one more review happens before the date; the review after
// it is scheduled the same way, and the chain ends as soon as an interval carries the card over
// the date at the level. Intervals that end before the date, and everything after the date,
// stay FSRS's own: that is what keeps the extra reviews to the fewest.
import { computeDecayFactor, forgetting_curve } from 'ts-fsrs';
import { DAY_MS, Scheduler, type Outcome, type Rating, type SchedulerSettings } from './scheduler';

export const DEFAULT_PEAK_LEVEL = 0.9;
export const MIN_PEAK_LEVEL = 0.8;
export const MAX_PEAK_LEVEL = 0.97;

export interface PeakDate {
	/** The moment recall should peak: the start of the learner's day on the date. */
	at: Date;
	/** Predicted recall every target card should have then (0.8–0.97). */
	level: number;
}

/** Days after a review at which predicted recall falls to `level` (FSRS-6 curve, fractional). */
export function daysToRecall(w: readonly number[], stability: number, level: number): number {
	const { decay, factor } = computeDecayFactor([...w]);
	return (stability / factor) * (Math.pow(level, 1 / decay) - 1);
}

/** Predicted recall `days` after the last review. */
export function recallAfter(w: readonly number[], stability: number, days: number): number {
	return forgetting_curve([...w], Math.max(0, days), stability);
}

/**
 * The interval (whole days) the mode gives a review, in day units that need no calendar:
 * `interval` is FSRS's, `untilDate` the days from the review to the date. Unchanged when the
 * next review still comes before the date, when the date is past or has no room for another
 * review, or when recall on the date already reaches `level`.
 */
export function peakInterval(
	w: readonly number[],
	stability: number,
	interval: number,
	untilDate: number,
	level: number
): number {
	if (untilDate <= 1 || interval < untilDate) return interval;
	if (recallAfter(w, stability, untilDate) >= level) return interval;
	const dayBefore = Math.ceil(untilDate) - 1;
	const cap = Math.max(1, Math.min(dayBefore, Math.floor(daysToRecall(w, stability, level))));
	return Math.min(interval, cap);
}

/**
 * A reviewed card's due date under the mode. `now` only ends the mode: once the date has come,
 * FSRS's due stands. A cut due date may lie in the past for a card reviewed long ago (it is
 * then simply due).
 */
export function peakDue(
	w: readonly number[],
	memory: { stability: number; lastReview: Date | null; due: Date },
	peak: PeakDate,
	now: Date
): Date {
	if (!memory.lastReview || now.getTime() >= peak.at.getTime()) return memory.due;
	const from = memory.lastReview.getTime();
	const interval = (memory.due.getTime() - from) / DAY_MS;
	const untilDate = (peak.at.getTime() - from) / DAY_MS;
	const days = peakInterval(w, memory.stability, interval, untilDate, peak.level);
	return days < interval ? new Date(from + days * DAY_MS) : memory.due;
}

/**
 * The scheduler with the mode applied to the cards `isTarget` picks. A cut due date is fixed:
 * load balancing may only move a due date inside its fuzz window, which could carry it past
 * the cut again, so the window is dropped.
 */
export class PeakScheduler extends Scheduler {
	constructor(
		settings: SchedulerSettings,
		readonly peak: PeakDate,
		private readonly isTarget: (cardId: string) => boolean,
		private readonly now: Date
	) {
		super(settings);
	}

	override review(
		cardId: string,
		memory: Parameters<Scheduler['review']>[1],
		rating: Rating,
		at: Date
	): Outcome {
		const outcome = super.review(cardId, memory, rating, at);
		if (!this.isTarget(cardId)) return outcome;
		const due = peakDue(this.w, outcome.memory, this.peak, this.now);
		if (due.getTime() === outcome.memory.due.getTime()) return outcome;
		const lastReview = outcome.memory.lastReview ?? at;
		const scheduledDays = Math.round((due.getTime() - lastReview.getTime()) / DAY_MS);
		return { memory: { ...outcome.memory, due, scheduledDays }, window: null };
	}
}
