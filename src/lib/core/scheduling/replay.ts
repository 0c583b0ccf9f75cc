// A card's state is a fold of its review log: replaying the log from an empty card gives
// exactly what applying the reviews one by one gave, so a late review can be slotted into
// its place and undo can drop one, and the card is simply recomputed.
import type { CardMemory, Outcome, Rating, Scheduler } from './scheduler';

export interface LoggedReview {
	id: string;
	cardId: string;
	rating: Rating;
	reviewedAt: Date;
}

/** Log order: review time, then id, so two reviews at the same millisecond still sort stably. */
export function compareReviews(a: LoggedReview, b: LoggedReview): number {
	const byTime = a.reviewedAt.getTime() - b.reviewedAt.getTime();
	if (byTime !== 0) return byTime;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface ReplayStep<R extends LoggedReview = LoggedReview> {
	review: R;
	/** The state the card was in when this review was made. */
	before: CardMemory | null;
	outcome: Outcome;
}

export interface Replay<R extends LoggedReview = LoggedReview> {
	steps: ReplayStep<R>[];
	/** The last review's outcome (its due not yet balanced); null for an empty log. */
	last: Outcome | null;
}

/**
 * Replays one card's reviews in log order, from a never-reviewed card or from `base` (a memory
 * the card was given before its first logged review, such as one seeded by a placement check).
 */
export function replay<R extends LoggedReview>(
	cardId: string,
	log: readonly R[],
	scheduler: Scheduler,
	base: CardMemory | null = null
): Replay<R> {
	const sorted = [...log].sort(compareReviews);
	const steps: ReplayStep<R>[] = [];
	let memory: CardMemory | null = base;
	for (const review of sorted) {
		const outcome = scheduler.review(cardId, memory, review.rating, review.reviewedAt);
		steps.push({ review, before: memory, outcome });
		memory = outcome.memory;
	}
	return { steps, last: steps.at(-1)?.outcome ?? null };
}
