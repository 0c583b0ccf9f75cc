// Implicit credit on top of a card's replayed memory. A card's state is its review log
// replayed (replay.ts) and then the credit events still live folded on in time order, so
// any recompute — a late review, an undo, new FSRS parameters — re-applies credit from its
// table instead of losing it.
//
// Live: a credit counts only from a learner day after the card's last real review (a real
// review that day, or later, already measured the memory and supersedes it — as in the
// simulator); a bring-forward counts until the card's next real review. Per learner day a
// card takes one credit, the largest fraction (mergeCredits's rule). Credit needs a card in
// review state: learning steps are minutes apart and not worth deferring.
import { FSRSAlgorithm, generatorParameters } from 'ts-fsrs';
import { creditedStability } from './credit';
import { DAY_MS, type CardMemory, type Scheduler } from './scheduler';

export type CreditKind = 'credit' | 'forward';

export interface CreditEvent {
	reviewId: string;
	kind: CreditKind;
	/** Share of a Good review's stability gain (credit.ts's creditFraction); 0 for forward. */
	fraction: number;
	creditedAt: Date;
}

export interface FoldStep<E extends CreditEvent = CreditEvent> {
	event: E;
	/** Whether it changed the card; false for a superseded event or a smaller one that day. */
	applied: boolean;
	before: Pick<CardMemory, 'stability' | 'due'>;
	after: Pick<CardMemory, 'stability' | 'due'>;
}

const REVIEW_STATE = 2;

const algorithms = new WeakMap<Scheduler, FSRSAlgorithm>();

/** Whole days until recall falls to the desired retention, without fuzz (as a Good review). */
export function intervalDays(scheduler: Scheduler, stability: number): number {
	let algorithm = algorithms.get(scheduler);
	if (!algorithm) {
		algorithm = new FSRSAlgorithm(
			generatorParameters({
				w: [...scheduler.w],
				request_retention: scheduler.settings.desiredRetention,
				maximum_interval: scheduler.settings.maximumInterval,
				enable_fuzz: false
			})
		);
		algorithms.set(scheduler, algorithm);
	}
	return algorithm.next_interval(stability, 0);
}

/**
 * A credit at `at`: stability part of the way to a Good review's; the due date moves to the
 * interval of that stability from the last review, never earlier than it was and never later
 * than a real Good review would put it (so a scheduler that caps due dates, such as
 * interview-date mode's, caps credit too).
 */
export function creditMemory(
	scheduler: Scheduler,
	cardId: string,
	memory: CardMemory,
	at: Date,
	fraction: number
): CardMemory {
	if (memory.state !== REVIEW_STATE || !memory.lastReview) return memory;
	const good = scheduler.review(cardId, memory, 3, at).memory;
	const stability = creditedStability(memory.stability, good.stability, fraction);
	const last = memory.lastReview.getTime();
	const credited = Math.min(last + intervalDays(scheduler, stability) * DAY_MS, good.due.getTime());
	const due = Math.max(memory.due.getTime(), credited);
	return {
		...memory,
		stability,
		due: new Date(due),
		scheduledDays: Math.round((due - last) / DAY_MS)
	};
}

/** A bring-forward at `at`: due a day later at most; stability and history untouched. */
export function forwardMemory(memory: CardMemory, at: Date): CardMemory {
	const due = at.getTime() + DAY_MS;
	if (memory.state !== REVIEW_STATE || !memory.lastReview || memory.due.getTime() <= due)
		return memory;
	const scheduledDays = Math.max(0, Math.round((due - memory.lastReview.getTime()) / DAY_MS));
	return { ...memory, due: new Date(due), scheduledDays };
}

function compareEvents(a: CreditEvent, b: CreditEvent): number {
	const byTime = a.creditedAt.getTime() - b.creditedAt.getTime();
	if (byTime !== 0) return byTime;
	return a.reviewId < b.reviewId ? -1 : a.reviewId > b.reviewId ? 1 : 0;
}

/**
 * Folds a card's credit events onto its replayed memory.
 * @param dayOf the learner day of an instant (their time zone and day start)
 */
export function foldCredits<E extends CreditEvent>(
	scheduler: Scheduler,
	cardId: string,
	replayed: CardMemory,
	events: readonly E[],
	dayOf: (at: Date) => string
): { memory: CardMemory; steps: FoldStep<E>[] } {
	const last = replayed.lastReview;
	const lastDay = last ? dayOf(last) : null;
	const sorted = [...events].sort(compareEvents);
	// The one credit per learner day that counts: the largest, the earliest among equals.
	const chosen = new Map<string, E>();
	for (const event of sorted) {
		if (event.kind !== 'credit') continue;
		const day = dayOf(event.creditedAt);
		if ((chosen.get(day)?.fraction ?? 0) < event.fraction) chosen.set(day, event);
	}
	let memory = replayed;
	const steps: FoldStep<E>[] = [];
	for (const event of sorted) {
		const day = dayOf(event.creditedAt);
		const live =
			last !== null &&
			event.creditedAt.getTime() > last.getTime() &&
			(event.kind === 'forward' || (day !== lastDay && chosen.get(day) === event));
		const before = { stability: memory.stability, due: memory.due };
		if (live) {
			memory =
				event.kind === 'credit'
					? creditMemory(scheduler, cardId, memory, event.creditedAt, event.fraction)
					: forwardMemory(memory, event.creditedAt);
		}
		steps.push({
			event,
			applied: live,
			before,
			after: { stability: memory.stability, due: memory.due }
		});
	}
	return { memory, steps };
}

/**
 * One new event on top of a card whose stored memory already is the fold of `prior`: the
 * common case, one step instead of a replay. Null when the event does not come after every
 * prior one, or outdoes a smaller credit already given that day: then fold from the log.
 * The caller has checked the event is live (after the card's last real review).
 */
export function appendCredit(
	scheduler: Scheduler,
	cardId: string,
	memory: CardMemory,
	prior: readonly CreditEvent[],
	event: CreditEvent,
	dayOf: (at: Date) => string
): { memory: CardMemory; applied: boolean } | null {
	if (prior.some((p) => compareEvents(p, event) >= 0)) return null;
	if (event.kind === 'forward')
		return { memory: forwardMemory(memory, event.creditedAt), applied: true };
	const day = dayOf(event.creditedAt);
	const sameDay = prior.filter((p) => p.kind === 'credit' && dayOf(p.creditedAt) === day);
	if (sameDay.some((p) => p.fraction >= event.fraction)) return { memory, applied: false };
	if (sameDay.length > 0) return null;
	return {
		memory: creditMemory(scheduler, cardId, memory, event.creditedAt, event.fraction),
		applied: true
	};
}
