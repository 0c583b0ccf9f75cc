// The learner's day: a calendar date in their time zone that rolls over at a local hour
// (04:00 by default), so a session after midnight still counts for the evening before.
import { TZDate } from '@date-fns/tz';

/** A learner day as 'YYYY-MM-DD'. */
export type DayKey = string;

export interface LearnerDay {
	key: DayKey;
	start: Date;
	/** The next day's start: the day is [start, end). */
	end: Date;
}

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat is slow (3 % of the server's time in the review-sync
// benchmark) and every request checks the learner's zone; there are only a few hundred zones.
const knownZones = new Map<string, boolean>();

export function isValidTimeZone(timezone: string): boolean {
	let valid = knownZones.get(timezone);
	if (valid === undefined) {
		try {
			new Intl.DateTimeFormat('en', { timeZone: timezone });
			valid = true;
		} catch {
			valid = false;
		}
		// Unknown strings come from users: remember only real zones, so the map stays small.
		if (valid) knownZones.set(timezone, true);
	}
	return valid;
}

function keyFromUtc(ms: number): DayKey {
	return new Date(ms).toISOString().slice(0, 10);
}

// Read by hand: Date.parse of an ISO string was a tenth of a long history's stats time.
function utcFromKey(key: DayKey): number {
	return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, Number(key.slice(8, 10)));
}

/**
 * Every zone's offset is a multiple of 15 minutes and days roll over on the hour, so all the
 * instants of one 15-minute slot share a learner day: stats over thousands of reviews look
 * each slot up once.
 */
const SLOT_MS = 15 * 60_000;
const MEMO_MAX = 100_000;
// Zone, then rollover hour: no key string is built per call (the queue's load balancer asks
// thousands of times a request). Each slot keeps its day's weekday too, for the balancer.
const memo = new Map<string, Map<number, Map<number, LearnerDate>>>();

/** A learner day and its weekday (0 = Sunday … 6 = Saturday). */
export interface LearnerDate {
	key: DayKey;
	weekday: number;
}

/** The learner day an instant belongs to, with its weekday. */
export function learnerDateOf(instant: Date, timezone: string, dayStartHour: number): LearnerDate {
	let hours = memo.get(timezone);
	if (!hours) memo.set(timezone, (hours = new Map()));
	let slots = hours.get(dayStartHour);
	if (!slots) hours.set(dayStartHour, (slots = new Map()));
	const slot = Math.floor(instant.getTime() / SLOT_MS);
	let date = slots.get(slot);
	if (date === undefined) {
		const local = new TZDate(slot * SLOT_MS, timezone);
		const before = local.getHours() < dayStartHour ? 1 : 0;
		const utc = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate() - before);
		date = { key: keyFromUtc(utc), weekday: new Date(utc).getUTCDay() };
		if (slots.size >= MEMO_MAX) slots.clear();
		slots.set(slot, date);
	}
	return date;
}

/** The learner day an instant belongs to. */
export function dayKeyOf(instant: Date, timezone: string, dayStartHour: number): DayKey {
	return learnerDateOf(instant, timezone, dayStartHour).key;
}

// Every request works out the learner's today and tomorrow, and a zone lookup through TZDate
// was the larger part of that; a day's start never changes.
const starts = new Map<string, number>();

/** The instant a learner day starts (its rollover hour, local time). */
export function dayStartOf(key: DayKey, timezone: string, dayStartHour: number): Date {
	const memoKey = `${timezone}|${dayStartHour}|${key}`;
	let start = starts.get(memoKey);
	if (start === undefined) {
		const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
		start = new TZDate(y, m - 1, d, dayStartHour, 0, 0, timezone).getTime();
		if (starts.size >= MEMO_MAX) starts.clear();
		starts.set(memoKey, start);
	}
	return new Date(start);
}

export function addDays(key: DayKey, days: number): DayKey {
	return keyFromUtc(utcFromKey(key) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayKey, to: DayKey): number {
	return Math.round((utcFromKey(to) - utcFromKey(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: DayKey): number {
	return new Date(utcFromKey(key)).getUTCDay();
}

export function learnerDay(now: Date, timezone: string, dayStartHour: number): LearnerDay {
	const key = dayKeyOf(now, timezone, dayStartHour);
	return {
		key,
		start: dayStartOf(key, timezone, dayStartHour),
		end: dayStartOf(addDays(key, 1), timezone, dayStartHour)
	};
}
