import { describe, expect, it } from 'vitest';
import {
	addDays,
	dayKeyOf,
	daysBetween,
	isValidTimeZone,
	learnerDateOf,
	learnerDay,
	weekdayOf
} from './day';

describe('the learner day', () => {
	it('rolls over at the day-start hour, not at midnight', () => {
		expect(dayKeyOf(new Date('2025-03-01T03:59:59Z'), 'UTC', 4)).toBe('2025-02-28');
		expect(dayKeyOf(new Date('2025-03-01T04:00:00Z'), 'UTC', 4)).toBe('2025-03-01');
		expect(dayKeyOf(new Date('2025-03-01T00:00:00Z'), 'UTC', 0)).toBe('2025-03-01');
	});

	it('uses the local time of the learner', () => {
		// 02:30 UTC is 21:30 the evening before in New York (UTC−5 in January).
		expect(dayKeyOf(new Date('2025-01-15T02:30:00Z'), 'America/New_York', 4)).toBe('2025-01-14');
		// 23:30 UTC is 08:30 the next morning in Tokyo.
		expect(dayKeyOf(new Date('2025-01-15T23:30:00Z'), 'Asia/Tokyo', 4)).toBe('2025-01-16');
	});

	it('gives the bounds of the day, including a 23-hour day when clocks go forward', () => {
		const day = learnerDay(new Date('2025-03-30T12:00:00Z'), 'Europe/Berlin', 4);
		expect(day.key).toBe('2025-03-30');
		// 04:00 CEST is 02:00 UTC; the day before started at 04:00 CET = 03:00 UTC.
		expect(day.start.toISOString()).toBe('2025-03-30T02:00:00.000Z');
		expect(day.end.toISOString()).toBe('2025-03-31T02:00:00.000Z');
		const before = learnerDay(new Date('2025-03-29T12:00:00Z'), 'Europe/Berlin', 4);
		expect(before.end.getTime() - before.start.getTime()).toBe(23 * 3600_000);
	});

	it('does day arithmetic on keys', () => {
		expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
		expect(daysBetween('2025-03-01', '2025-03-31')).toBe(30);
		expect(daysBetween('2025-03-31', '2025-03-01')).toBe(-30);
		expect(weekdayOf('2025-03-02')).toBe(0);
		expect(weekdayOf('2025-03-08')).toBe(6);
	});

	it('recognises time zones', () => {
		expect(isValidTimeZone('Europe/Berlin')).toBe(true);
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
	});
});

describe('the learner day of every instant', () => {
	it('agrees with a direct computation across zones with odd offsets and DST changes', () => {
		const zones = ['UTC', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Eucla'];
		for (const zone of zones) {
			for (
				let ms = Date.parse('2025-03-08T00:00:00Z');
				ms < Date.parse('2025-04-08T00:00:00Z');
				ms += 7 * 60_000 + 13_000
			) {
				const at = new Date(ms);
				const local = new Intl.DateTimeFormat('en-CA', {
					timeZone: zone,
					year: 'numeric',
					month: '2-digit',
					day: '2-digit',
					hour: '2-digit',
					hourCycle: 'h23'
				}).formatToParts(at);
				const part = (type: string) => Number(local.find((p) => p.type === type)?.value);
				const date = Date.UTC(
					part('year'),
					part('month') - 1,
					part('day') - (part('hour') < 4 ? 1 : 0)
				);
				expect(dayKeyOf(at, zone, 4), `${zone} ${at.toISOString()}`).toBe(
					new Date(date).toISOString().slice(0, 10)
				);
			}
		}
	});
});

describe('learnerDateOf', () => {
	it("gives the same day as dayKeyOf and that day's weekday, across a DST change", () => {
		// Every 7 hours through March 2026 in Berlin (clocks go forward on the 29th).
		for (let t = Date.UTC(2026, 2, 1); t < Date.UTC(2026, 3, 1); t += 7 * 3_600_000) {
			const at = new Date(t);
			const date = learnerDateOf(at, 'Europe/Berlin', 4);
			expect(date.key).toBe(dayKeyOf(at, 'Europe/Berlin', 4));
			expect(date.weekday).toBe(weekdayOf(date.key));
		}
		expect(learnerDateOf(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin', 4)).toEqual({
			key: '2026-03-28',
			weekday: 6
		});
	});
});
