import { describe, expect, it } from 'vitest';
import { adjustmentMessage, progressMessage } from './messages';

describe('plan messages', () => {
	it('say how far ahead or behind, and that the plan re-plans on the next visit', () => {
		expect(progressMessage({ status: 'on-track', days: 0, minutes: 0, itemKey: null })).toBeNull();
		expect(progressMessage({ status: 'behind', days: 1, minutes: 45, itemKey: 'a@1' })).toBe(
			'You are 1 day behind: 45 minutes of planned study are overdue. The plan moves the rest automatically on your next visit from tomorrow — or re-plan now.'
		);
		expect(progressMessage({ status: 'ahead', days: 3, minutes: 90, itemKey: 'a@1' })).toMatch(
			/^You are 3 days ahead: you finished 90 minutes/
		);
	});

	it('explain a re-plan only on the day it happened', () => {
		const behind = {
			kind: 'behind' as const,
			automatic: true,
			days: 2,
			minutes: 60,
			on: '2026-03-05'
		};
		expect(adjustmentMessage(behind, '2026-03-05')).toBe(
			'Re-planned automatically today: you were 2 days behind, so the remaining steps moved later.'
		);
		expect(adjustmentMessage(behind, '2026-03-06')).toBeNull();
		expect(adjustmentMessage({ ...behind, kind: 'new' }, '2026-03-05')).toBeNull();
		expect(adjustmentMessage({ ...behind, kind: 'request', automatic: false }, '2026-03-05')).toBe(
			'Re-planned from today, as you asked.'
		);
		expect(adjustmentMessage(null, '2026-03-05')).toBeNull();
	});
});
