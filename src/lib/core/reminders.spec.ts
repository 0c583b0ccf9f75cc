import { describe, expect, it } from 'vitest';
import { LATE_MINUTES, reminderDayAt, reminderPayload, reviewMinutes } from './reminders';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

describe('reminderDayAt', () => {
	const berlin = { time: '19:00', days: EVERY_DAY, timezone: 'Europe/Berlin' };

	it('is due from the chosen local minute, in the learner’s zone', () => {
		// 2026-03-02 is a Monday; Berlin is UTC+1 in March before the switch.
		expect(reminderDayAt(new Date('2026-03-02T17:59:00Z'), berlin)).toBeNull();
		expect(reminderDayAt(new Date('2026-03-02T18:00:00Z'), berlin)).toBe('2026-03-02');
		expect(reminderDayAt(new Date('2026-03-02T18:00:00Z'), { ...berlin, timezone: 'UTC' })).toBe(
			null
		);
	});

	it('stays due for LATE_MINUTES, then not', () => {
		const start = Date.parse('2026-03-02T18:00:00Z');
		expect(reminderDayAt(new Date(start + (LATE_MINUTES - 1) * 60_000), berlin)).toBe('2026-03-02');
		expect(reminderDayAt(new Date(start + LATE_MINUTES * 60_000), berlin)).toBeNull();
	});

	it('only on the chosen ISO weekdays (1 = Monday, 7 = Sunday)', () => {
		const sundays = { ...berlin, days: [7] };
		expect(reminderDayAt(new Date('2026-03-02T18:00:00Z'), sundays)).toBeNull();
		expect(reminderDayAt(new Date('2026-03-08T18:00:00Z'), sundays)).toBe('2026-03-08');
	});

	it('uses the local date, not the UTC one', () => {
		const tokyo = { time: '07:30', days: [2], timezone: 'Asia/Tokyo' };
		// Tuesday 07:30 in Tokyo is Monday 22:30 UTC.
		expect(reminderDayAt(new Date('2026-03-02T22:30:00Z'), tokyo)).toBe('2026-03-03');
	});

	it('a time skipped by the spring-forward jump is due just after it', () => {
		// Berlin jumps from 02:00 to 03:00 on 2026-03-29.
		const night = { time: '02:30', days: EVERY_DAY, timezone: 'Europe/Berlin' };
		expect(reminderDayAt(new Date('2026-03-29T01:00:00Z'), night)).toBe('2026-03-29');
	});
});

describe('reminderPayload', () => {
	const work = { due: 0, fresh: 0, secondsPerReview: 15, stepMinutes: 0 };

	it('counts due and new cards and their minutes, and opens Review', () => {
		const payload = reminderPayload({ ...work, due: 10, fresh: 2 }, '2026-03-02');
		// (10 + 2 × 2) × 15 s = 3.5 min → 4.
		expect(payload).toEqual({
			title: 'Gapwise: time to review',
			body: '12 cards · about 4 min',
			url: '/review',
			tag: 'gapwise-reminder-2026-03-02'
		});
		expect(reminderPayload({ ...work, due: 1 }, 'd')?.body).toBe('1 card · about 1 min');
	});

	it('without cards, a waiting step opens Today', () => {
		const payload = reminderPayload({ ...work, stepMinutes: 25 }, '2026-03-02');
		expect(payload?.url).toBe('/today');
		expect(payload?.body).toBe('Today’s step · about 25 min');
	});

	it('says nothing when nothing waits', () => {
		expect(reminderPayload(work, '2026-03-02')).toBeNull();
	});

	it('review minutes match the Today page’s rule (a new card counts twice)', () => {
		expect(reviewMinutes(0, 0, 13.7)).toBe(1);
		expect(reviewMinutes(24, 0, 15)).toBe(6);
		expect(reviewMinutes(4, 4, 15)).toBe(3);
	});
});
