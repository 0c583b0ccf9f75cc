import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getISOWeek, getISOWeekYear, getISODay } from 'date-fns';
import {
	addDays,
	dayNumber,
	formatDay,
	isIsoDate,
	isoDate,
	isoWeekLabel,
	isoWeekday,
	learnerToday,
	weekStartDay
} from './dates';

describe('ISO dates', () => {
	it('round-trips day numbers and agrees with Date.UTC', () => {
		fc.assert(
			fc.property(fc.integer({ min: -50_000, max: 100_000 }), (day) => {
				const iso = isoDate(day);
				expect(dayNumber(iso)).toBe(day);
				expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
			})
		);
	});

	it('rejects dates that do not exist or are not YYYY-MM-DD', () => {
		for (const bad of [
			'2026-02-29',
			'2026-13-01',
			'2026-00-10',
			'2026-04-31',
			'2026-1-5',
			'soon',
			''
		]) {
			expect(isIsoDate(bad), bad).toBe(false);
		}
		expect(isIsoDate('2028-02-29')).toBe(true);
		expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
	});

	it('numbers weekdays and ISO weeks like date-fns', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 40_000 }), (day) => {
				const date = new Date(day * 86_400_000 + 12 * 3_600_000);
				expect(isoWeekday(day)).toBe(getISODay(date));
				const label = `${getISOWeekYear(date)}-W${String(getISOWeek(date)).padStart(2, '0')}`;
				expect(isoWeekLabel(day)).toBe(label);
				expect(isoWeekday(weekStartDay(day))).toBe(1);
			})
		);
		expect(isoWeekLabel(dayNumber('2027-01-01'))).toBe('2026-W53');
		expect(isoWeekLabel(dayNumber('2026-03-02'))).toBe('2026-W10');
	});

	it('adds days and formats a day the same everywhere', () => {
		expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
		expect(formatDay('2026-03-02')).toBe('Mon 2 Mar 2026');
		expect(formatDay('2026-03-08', false)).toBe('Sun 8 Mar');
	});
});

describe('learnerToday', () => {
	const at = new Date('2026-03-02T02:30:00Z');
	it('uses the time zone and the hour the day starts', () => {
		expect(learnerToday(at, 'UTC', 0)).toBe('2026-03-02');
		expect(learnerToday(at, 'UTC', 4)).toBe('2026-03-01');
		expect(learnerToday(at, 'America/New_York', 0)).toBe('2026-03-01');
		expect(learnerToday(at, 'Asia/Tokyo', 4)).toBe('2026-03-02');
	});
	it('falls back to UTC for an unknown zone', () => {
		expect(learnerToday(at, 'Mars/Olympus', 0)).toBe('2026-03-02');
	});
});
