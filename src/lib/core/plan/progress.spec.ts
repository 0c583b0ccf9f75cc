import { describe, expect, it } from 'vitest';
import { currentItem, measureProgress, type Finished } from './progress';
import type { PlanItem } from './types';

function item(
	key: string,
	start: string,
	end: string,
	minutes: number,
	sessions: [string, number][]
): PlanItem {
	return {
		key,
		skillId: key.split('@')[0]!,
		skillName: key,
		area: 'a',
		fromLevel: 0,
		toLevel: 1,
		hours: minutes / 60,
		minutes,
		cardIds: [],
		can: [],
		project: null,
		start,
		end,
		sessions: sessions.map(([date, m]) => ({ date, minutes: m })),
		reason: '',
		targetSkillId: 'a',
		chain: ['a'],
		weight: 1,
		direct: true,
		after: [],
		unlocks: 1,
		priority: 1,
		added: false
	};
}

const plan = {
	items: [
		item('a@1', '2026-03-02', '2026-03-03', 60, [
			['2026-03-02', 30],
			['2026-03-03', 30]
		]),
		item('b@1', '2026-03-04', '2026-03-06', 90, [
			['2026-03-04', 30],
			['2026-03-05', 30],
			['2026-03-06', 30]
		])
	]
};
const done = (entries: [string, Finished][]) => new Map(entries);

describe('measureProgress', () => {
	it('is on track while nothing planned is overdue or finished early', () => {
		expect(measureProgress(plan, done([]), '2026-03-03')).toEqual({
			status: 'on-track',
			days: 0,
			minutes: 0,
			itemKey: null
		});
	});

	it('is behind by the days since the oldest overdue end and the minutes of overdue items', () => {
		expect(measureProgress(plan, done([]), '2026-03-05')).toEqual({
			status: 'behind',
			days: 2,
			minutes: 60,
			itemKey: 'a@1'
		});
		expect(measureProgress(plan, done([]), '2026-03-09')).toMatchObject({
			status: 'behind',
			days: 6,
			minutes: 150
		});
		expect(
			measureProgress(plan, done([['a@1', { status: 'skipped', on: '2026-03-04' }]]), '2026-03-05')
				.status
		).toBe('on-track');
	});

	it('is ahead by the days to the latest planned end of steps finished early', () => {
		const early = done([
			['a@1', { status: 'done', on: '2026-03-02' }],
			['b@1', { status: 'done', on: '2026-03-02' }]
		]);
		expect(measureProgress(plan, early, '2026-03-02')).toEqual({
			status: 'ahead',
			days: 4,
			minutes: 120,
			itemKey: 'b@1'
		});
	});
});

describe('currentItem', () => {
	const open = () => false;
	it('prefers the item with study time today, then one running today, then the first open one', () => {
		expect(currentItem(plan.items, open, '2026-03-05')?.key).toBe('b@1');
		expect(currentItem(plan.items, open, '2026-03-01')?.key).toBe('a@1');
		expect(currentItem(plan.items, (i) => i.key === 'a@1', '2026-03-02')?.key).toBe('b@1');
		expect(currentItem(plan.items, () => true, '2026-03-02')).toBeNull();
	});
});
