import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnerDateOf } from './day';
import { balancedDays, settleDue, type Workload } from './balance';
import { DAY_MS, newCardMemory, type FuzzWindow } from './scheduler';

// Saturday 1 March 2025, 09:00 UTC: +1 day is Sunday 2 March, +7 is Saturday 8 March.
const at = new Date('2025-03-01T09:00:00Z');
const window: FuzzWindow = { reviewedAt: at, minDays: 5, maxDays: 9, fuzzedDays: 7 };

function workload(load: Record<string, number>, lightDays: number[] = []): Workload {
	return { timezone: 'UTC', dayStartHour: 4, lightDays, dueOn: (day) => load[day] ?? 0 };
}

describe('load balancing', () => {
	it('keeps the seeded fuzz pick when every day is equally loaded', () => {
		expect(balancedDays(window, workload({}))).toBe(7);
	});

	it('picks the day with the fewest cards due', () => {
		const load = {
			'2025-03-06': 9,
			'2025-03-07': 4,
			'2025-03-08': 8,
			'2025-03-09': 3,
			'2025-03-10': 6
		};
		expect(balancedDays(window, workload(load))).toBe(8); // 9 March
	});

	it('breaks a tie in load towards the fuzz pick', () => {
		const load = {
			'2025-03-06': 1,
			'2025-03-07': 5,
			'2025-03-08': 5,
			'2025-03-09': 5,
			'2025-03-10': 1
		};
		// 6 and 10 March both carry 1; 10 March (+9) is as far as 6 March (+5) from +7, so the first wins.
		expect(balancedDays(window, workload(load))).toBe(5);
	});

	it('keeps off the learner’s light days when another day is allowed', () => {
		const load = { '2025-03-08': 0, '2025-03-09': 0 }; // Saturday and Sunday are empty
		const weekend = [0, 6];
		const days = balancedDays(
			window,
			workload({ ...load, '2025-03-06': 2, '2025-03-07': 1, '2025-03-10': 3 }, weekend)
		);
		expect(days).toBe(6); // Friday 7 March, the lightest weekday
		const onlyWeekend: FuzzWindow = { reviewedAt: at, minDays: 7, maxDays: 8, fuzzedDays: 7 };
		expect(balancedDays(onlyWeekend, workload({ '2025-03-08': 4 }, weekend))).toBe(8);
	});

	it('keeps an earlier choice while it still lies in the window', () => {
		const memory = {
			...newCardMemory(at),
			state: 2 as const,
			scheduledDays: 7,
			due: new Date(at.getTime() + 7 * DAY_MS)
		};
		const crowded = workload({ '2025-03-08': 50 });
		const earlier = new Date(at.getTime() + 6 * DAY_MS);
		expect(settleDue({ memory, window }, crowded, earlier).scheduledDays).toBe(6);
		const outside = new Date(at.getTime() + 30 * DAY_MS);
		expect(settleDue({ memory, window }, crowded, outside).scheduledDays).not.toBe(30);
		expect(settleDue({ memory, window }, crowded, outside).scheduledDays).not.toBe(7);
		expect(settleDue({ memory, window: null }, crowded, earlier)).toBe(memory);
	});

	// The textbook rule, day by day through the whole window: what the search from the fuzz
	// pick outwards must always agree with.
	function scanned(w: FuzzWindow, work: Workload): number {
		const days = [];
		for (let d = w.minDays; d <= w.maxDays; d++) {
			const date = learnerDateOf(new Date(w.reviewedAt.getTime() + d * DAY_MS), work.timezone, 4);
			days.push({ d, key: date.key, weekday: date.weekday });
		}
		const usual = days.filter((c) => !work.lightDays.includes(c.weekday));
		const pool = usual.length > 0 ? usual : days;
		let best = pool[0]!;
		for (const c of pool.slice(1)) {
			const [load, bestLoad] = [work.dueOn(c.key), work.dueOn(best.key)];
			const closer = Math.abs(c.d - w.fuzzedDays) < Math.abs(best.d - w.fuzzedDays);
			if (load < bestLoad || (load === bestLoad && closer)) best = c;
		}
		return best.d;
	}

	it('picks what a scan of every day in the window picks, for any load and light days', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 400 }),
				fc.integer({ min: 0, max: 40 }),
				fc.nat(),
				fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
				fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
				fc.constantFrom('UTC', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe'),
				(minDays, span, pick, lightDays, loads, timezone) => {
					const w: FuzzWindow = {
						reviewedAt: at,
						minDays,
						maxDays: minDays + span,
						fuzzedDays: minDays + (pick % (span + 1))
					};
					// Loads repeat every 60 days, mostly small, so ties and empty days are common.
					const work: Workload = {
						timezone,
						dayStartHour: 4,
						lightDays,
						dueOn: (key) => loads[Math.floor(Date.parse(key) / DAY_MS) % 60]!
					};
					expect(balancedDays(w, work)).toBe(scanned(w, work));
				}
			),
			{ numRuns: 500 }
		);
	});
});
