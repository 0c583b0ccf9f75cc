// The sentences the plan uses to say how the learner stands and why it changed.
import type { Progress } from './progress';

export interface AdjustmentLike {
	kind: 'new' | 'changed' | 'behind' | 'ahead' | 'request';
	automatic: boolean;
	days: number;
	minutes: number;
	on: string;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** Ahead or behind, by how much, and what happens next; null when on track. */
export function progressMessage(progress: Progress): string | null {
	if (progress.status === 'behind') {
		return `You are ${days(progress.days)} behind: ${progress.minutes} minutes of planned study are overdue. The plan moves the rest automatically on your next visit from tomorrow — or re-plan now.`;
	}
	if (progress.status === 'ahead') {
		return `You are ${days(progress.days)} ahead: you finished ${progress.minutes} minutes of planned study early. The plan moves the rest up automatically on your next visit from tomorrow — or re-plan now.`;
	}
	return null;
}

/** Why the plan was last re-made, for the day it happened; null otherwise. */
export function adjustmentMessage(adjustment: AdjustmentLike | null, today: string): string | null {
	if (!adjustment || adjustment.on !== today) return null;
	switch (adjustment.kind) {
		case 'behind':
			return `Re-planned automatically today: you were ${days(adjustment.days)} behind, so the remaining steps moved later.`;
		case 'ahead':
			return `Re-planned automatically today: you were ${days(adjustment.days)} ahead, so the remaining steps moved earlier.`;
		case 'changed':
			return 'Re-planned today because your target, budget or levels changed.';
		case 'request':
			return 'Re-planned from today, as you asked.';
		case 'new':
			return null;
	}
}
