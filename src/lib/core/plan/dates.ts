// Calendar dates as ISO strings (YYYY-MM-DD) and whole day numbers (days since
// 1970-01-01, UTC). The planner works in day numbers: no time of day, no time zone,
// no ambient clock.
import { TZDate } from '@date-fns/tz';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Civil-date arithmetic without Date objects (H. Hinnant's days_from_civil and
// civil_from_days): the planner converts thousands of dates per plan.
function daysFromCivil(y: number, m: number, d: number): number {
	const yy = m <= 2 ? y - 1 : y;
	const era = Math.floor(yy / 400);
	const yoe = yy - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

function civilFromDays(day: number): [number, number, number] {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function parts(value: string): [number, number, number] | null {
	const m = ISO_DATE.exec(value);
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1) return null;
	const [, backMonth] = civilFromDays(daysFromCivil(y, mo, d));
	return backMonth === mo ? [y, mo, d] : null;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
	return parts(value) !== null;
}

export function dayNumber(iso: string): number {
	const p = parts(iso);
	if (!p) throw new RangeError(`not an ISO date: ${iso}`);
	return daysFromCivil(p[0], p[1], p[2]);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoDate(day: number): string {
	const [y, m, d] = civilFromDays(day);
	return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: string, days: number): string {
	return isoDate(dayNumber(iso) + days);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). Day 0 was a Thursday. */
export function isoWeekday(day: number): number {
	return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week holding `day`. */
export function weekStartDay(day: number): number {
	return day - (isoWeekday(day) - 1);
}

/** ISO week label such as "2026-W10": the year is the one that holds the week's Thursday. */
export function isoWeekLabel(day: number): string {
	const thursday = weekStartDay(day) + 3;
	const year = civilFromDays(thursday)[0];
	const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The learner's calendar date at instant `now`: their time zone, and a day that starts at
 * `dayStartHour` (a review at 01:00 still counts for the evening before).
 */
export function learnerToday(now: Date, timeZone = 'UTC', dayStartHour = 0): string {
	const shifted = now.getTime() - dayStartHour * 3_600_000;
	let local: TZDate;
	try {
		local = new TZDate(shifted, timeZone);
		if (Number.isNaN(local.getTime()) || Number.isNaN(local.getFullYear())) throw new Error();
	} catch {
		local = new TZDate(shifted, 'UTC');
	}
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 2 Mar 2026": the same on every server and browser, unlike toLocaleDateString. */
export function formatDay(iso: string, withYear = true): string {
	const day = dayNumber(iso);
	const [y, m, d] = civilFromDays(day);
	const text = `${WEEKDAYS[isoWeekday(day) - 1]} ${d} ${MONTHS[m - 1]}`;
	return withYear ? `${text} ${y}` : text;
}
