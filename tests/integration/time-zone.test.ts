// Issue 14: "The time zone was set to UTC for a learner whose phone is in Europe/Berlin." The
// zone a device reports is kept when the server knows it, and the learner's day follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { review } from '../fixtures/reviews';
import { knownTimeZone, saveTimeZone, timeZoneList } from '$lib/server/time-zone';
import { applyReviews, currentStreak, getQueue, getReviewSettings } from '$lib/server/reviews';
import { learnerDay } from '$lib/server/plan/clock';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

describe('a device’s time zone', () => {
	it('is kept only when the server’s list has it, in the list’s spelling', () => {
		expect(knownTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
		expect(knownTimeZone(' America/New_York ')).toBe('America/New_York');
		expect(knownTimeZone('UTC')).toBe('UTC');
		const alias = knownTimeZone('Asia/Calcutta');
		expect(alias && timeZoneList().includes(alias)).toBe(true);
		for (const bad of ['', 'Mars/Olympus_Mons', 'Europe/Berlin; x', 'x'.repeat(65), 42, null])
			expect(knownTimeZone(bad)).toBeNull();
	});

	it('moves the day boundary, the 04:00 rollover and the streak to the learner’s clock', async () => {
		const u = await makeUser(t.db);
		// 02:30 UTC on 2 March is 03:30 in Berlin: still the 1st there (the day starts at 04:00).
		const now = new Date('2026-03-02T02:30:00Z');
		expect((await getQueue(t.db, u.id, now)).day).toBe('2026-03-01');
		await saveTimeZone(t.db, u.id, 'Europe/Berlin');
		expect((await getReviewSettings(t.db, u.id)).timezone).toBe('Europe/Berlin');
		const queue = await getQueue(t.db, u.id, now);
		expect(queue).toMatchObject({
			day: '2026-03-01',
			timezone: 'Europe/Berlin',
			dayStart: '2026-03-01T03:00:00.000Z',
			dayEnd: '2026-03-02T03:00:00.000Z'
		});
		expect(await learnerDay(t.db, u.id, new Date('2026-03-02T03:30:00Z'))).toBe('2026-03-02');
		// Reviews at 04:30 UTC on the 1st (05:30 in Berlin) and 03:30 UTC on the 2nd (04:30 in
		// Berlin, past its rollover; not yet in UTC): two days in Berlin, one in UTC.
		await applyReviews(
			t.db,
			u.id,
			[
				review('docker-001', 3, '2026-03-01T04:30:00Z'),
				review('docker-002', 3, '2026-03-02T03:30:00Z')
			],
			new Date('2026-03-02T03:40:00Z')
		);
		expect(await currentStreak(t.db, u.id, new Date('2026-03-02T03:40:00Z'))).toBe(2);
		await saveTimeZone(t.db, u.id, 'UTC');
		expect(await currentStreak(t.db, u.id, new Date('2026-03-02T03:40:00Z'))).toBe(1);
	});
});
