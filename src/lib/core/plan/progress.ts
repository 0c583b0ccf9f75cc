// How the learner is doing against the plan they were given: ahead, behind or on track,
// by how many days and minutes of planned study.
import { dayNumber } from './dates';
import type { Plan, PlanItem } from './types';

export type ProgressStatus = 'on-track' | 'ahead' | 'behind';

export interface Progress {
	status: ProgressStatus;
	days: number;
	minutes: number;
	/** The item the measure hinges on: the oldest overdue one, or the one finished early. */
	itemKey: string | null;
}

export interface Finished {
	status: 'done' | 'skipped';
	on: string;
}

/**
 * Behind: an unfinished item was planned to end before today — by the days since the
 * oldest such end, and the planned minutes of every overdue item.
 * Ahead (only when nothing is overdue): items were finished that the plan had still
 * running after today — by the days to the latest of their planned ends, and the minutes
 * of their sessions planned after today.
 * We cannot see part of a step being done, so only whole steps count.
 */
export function measureProgress(
	plan: Pick<Plan, 'items'>,
	finished: ReadonlyMap<string, Finished>,
	today: string
): Progress {
	const day = dayNumber(today);
	const overdue = plan.items.filter((i) => i.end !== null && i.end < today && !finished.has(i.key));
	if (overdue.length > 0) {
		const oldest = overdue.reduce((a, b) => (b.end! < a.end! ? b : a));
		return {
			status: 'behind',
			days: day - dayNumber(oldest.end!),
			minutes: overdue.reduce((sum, i) => sum + i.minutes, 0),
			itemKey: oldest.key
		};
	}
	const early = plan.items.filter((i) => i.end !== null && i.end > today && finished.has(i.key));
	if (early.length > 0) {
		const latest = early.reduce((a, b) => (b.end! > a.end! ? b : a));
		const minutes = early.reduce(
			(sum, i) => sum + i.sessions.filter((s) => s.date > today).reduce((m, s) => m + s.minutes, 0),
			0
		);
		return { status: 'ahead', days: dayNumber(latest.end!) - day, minutes, itemKey: latest.key };
	}
	return { status: 'on-track', days: 0, minutes: 0, itemKey: null };
}

/**
 * The item to work on today: one with study time today, else one running today, else
 * the first unfinished item of the plan.
 */
export function currentItem<T extends PlanItem>(
	items: readonly T[],
	isFinished: (item: T) => boolean,
	today: string
): T | null {
	const open = items.filter((i) => !isFinished(i));
	return (
		open.find((i) => i.sessions.some((s) => s.date === today)) ??
		open.find((i) => i.start !== null && i.start <= today && i.end !== null && i.end >= today) ??
		open[0] ??
		null
	);
}
