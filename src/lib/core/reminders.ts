// The daily reminder: whether it is due at an instant, and what it says. Pure: the time, the
// learner's zone and what waits for them are passed in.
import { TZDate } from '@date-fns/tz';
import { NEW_CARD_REVIEW_OFFSETS } from './plan/review-load';

export interface ReminderSchedule {
	/** Local wall-clock time, "HH:MM". */
	time: string;
	/** ISO weekdays, 1 = Monday … 7 = Sunday. */
	days: number[];
	timezone: string;
}

/**
 * A process that was down at the reminder's time still sends it when it comes back within
 * this many minutes; later than that, a nudge would arrive when the evening is over.
 */
export const LATE_MINUTES = 120;

/**
 * The local calendar date ("YYYY-MM-DD") whose reminder is due at `now`, or null. Due from
 * the chosen minute for LATE_MINUTES, on the chosen weekdays. On a spring-forward day a time
 * in the skipped hour is due from the first minute after the jump.
 */
export function reminderDayAt(now: Date, schedule: ReminderSchedule): string | null {
	const local = new TZDate(now.getTime(), schedule.timezone);
	const weekday = ((local.getDay() + 6) % 7) + 1;
	if (!schedule.days.includes(weekday)) return null;
	const [hours = 0, minutes = 0] = schedule.time.split(':').map(Number);
	const late = local.getHours() * 60 + local.getMinutes() - (hours * 60 + minutes);
	if (late < 0 || late >= LATE_MINUTES) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/** A new card is seen twice on its first day (first sight and a learning step). */
const FIRST_DAY_REVIEWS = NEW_CARD_REVIEW_OFFSETS.filter((d) => d === 0).length;

/** Minutes today's reviews take: due cards once, new cards FIRST_DAY_REVIEWS times; at least 1. */
export function reviewMinutes(due: number, fresh: number, secondsPerReview: number): number {
	return Math.max(1, Math.ceil(((due + FIRST_DAY_REVIEWS * fresh) * secondsPerReview) / 60));
}

export interface WaitingWork {
	/** Cards due now and new cards for today, as the review queue counts them. */
	due: number;
	fresh: number;
	secondsPerReview: number;
	/** Minutes of the current plan step scheduled for today; 0 when no step waits today. */
	stepMinutes: number;
}

export interface ReminderPayload {
	title: string;
	body: string;
	/** A path on the app's own origin: where a tap on the notification leads. */
	url: string;
	/** One notification per day on a device: a second one with this tag replaces the first. */
	tag: string;
}

/**
 * What the notification says, or null when there is nothing to do. It names no skill or card:
 * a notification is read on a lock screen.
 */
export function reminderPayload(work: WaitingWork, day: string): ReminderPayload | null {
	const tag = `gapwise-reminder-${day}`;
	const cards = work.due + work.fresh;
	if (cards > 0) {
		const minutes = reviewMinutes(work.due, work.fresh, work.secondsPerReview);
		const noun = cards === 1 ? 'card' : 'cards';
		return {
			title: 'Gapwise: time to review',
			body: `${cards} ${noun} · about ${minutes} min`,
			url: '/review',
			tag
		};
	}
	if (work.stepMinutes > 0) {
		return {
			title: 'Gapwise: your study step is waiting',
			body: `Today’s step · about ${work.stepMinutes} min`,
			url: '/today',
			tag
		};
	}
	return null;
}
