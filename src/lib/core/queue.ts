// Today's queue: cards due by the end of the learner's day, most at risk of being forgotten
// first, with the day's new cards spread evenly between them.
import { catchUpPlan, type CatchUpPlan } from './scheduling/catch-up';
import type { CardMemory } from './scheduling/scheduler';

export interface ScheduledCard {
	cardId: string;
	memory: CardMemory;
	suspended: boolean;
	buriedUntil: Date | null;
}

export interface QueueEntry {
	cardId: string;
	isNew: boolean;
	/** Probability of recall now; null for a new card. */
	retrievability: number | null;
}

export interface Queue {
	entries: QueueEntry[];
	/** Due cards today before any catch-up plan held some back. */
	dueCount: number;
	/** Due cards the catch-up plan leaves for the coming days. */
	deferred: number;
	catchUp: CatchUpPlan | null;
}

export function isSchedulable(card: ScheduledCard, now: Date): boolean {
	return !card.suspended && !(card.buriedUntil && card.buriedUntil.getTime() > now.getTime());
}

/** Reviewed at least once, not suspended or buried, and due before the learner's day ends. */
export function isDueToday(card: ScheduledCard, now: Date, dayEnd: Date): boolean {
	return (
		card.memory.state !== 0 &&
		isSchedulable(card, now) &&
		card.memory.due.getTime() < dayEnd.getTime()
	);
}

/** Merges new cards evenly into the due ones; the most at-risk due card still comes first. */
export function interleave<T>(due: readonly T[], fresh: readonly T[]): T[] {
	const out: T[] = [];
	let d = 0;
	let n = 0;
	while (d < due.length || n < fresh.length) {
		const dueProgress = due.length ? d / due.length : 1;
		const newProgress = fresh.length ? n / fresh.length : 1;
		if (n < fresh.length && (d >= due.length || newProgress < dueProgress))
			out.push(fresh[n++] as T);
		else out.push(due[d++] as T);
	}
	return out;
}

export interface QueueInput {
	/** Cards due today with their retrievability now (see isDueToday). */
	due: { cardId: string; retrievability: number; due: Date }[];
	/** New card ids in the order they should be introduced. */
	newCardIds: string[];
	/** New cards still allowed today. */
	newLimit: number;
	/** Due cards a day can take before a catch-up plan spreads them (see catchUpBudget). */
	budget: number;
}

export function buildQueue(input: QueueInput): Queue {
	const due = [...input.due].sort(
		(a, b) =>
			a.retrievability - b.retrievability ||
			a.due.getTime() - b.due.getTime() ||
			(a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0)
	);
	const catchUp = catchUpPlan(due.length, input.budget);
	const today = catchUp ? due.slice(0, catchUp.perDay[0]) : due;
	// A learner digging out of a backlog gets no new cards until it is cleared.
	const fresh = catchUp ? [] : input.newCardIds.slice(0, Math.max(0, input.newLimit));
	const entries = interleave<QueueEntry>(
		today.map((c) => ({ cardId: c.cardId, isNew: false, retrievability: c.retrievability })),
		fresh.map((cardId) => ({ cardId, isNew: true, retrievability: null }))
	);
	return { entries, dueCount: due.length, deferred: due.length - today.length, catchUp };
}
