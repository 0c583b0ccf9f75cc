import { describe, expect, it } from 'vitest';
import { catchUpBudget, catchUpPlan } from './catch-up';

describe('catch-up after a break', () => {
	it('leaves an ordinary day alone', () => {
		expect(catchUpPlan(40, catchUpBudget(25))).toBeNull();
		expect(catchUpPlan(60, catchUpBudget(0))).toBeNull();
	});

	it('spreads a backlog over a few days, today first', () => {
		expect(catchUpBudget(30)).toBe(60);
		expect(catchUpPlan(400, 60)).toEqual({ backlog: 400, perDay: [80, 80, 80, 80, 80] });
		expect(catchUpPlan(130, 60)).toEqual({ backlog: 130, perDay: [44, 43, 43] });
	});
});
