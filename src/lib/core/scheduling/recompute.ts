// Recomputing a card after its log changed (a review added anywhere, or one removed).
//
// Rows before the change keep what they stored: their history did not change, so undoing the
// latest review restores the card's previous due date exactly. Rows from the change on are
// replayed and their due dates balanced afresh. With the same workload the result does not
// depend on the order reviews arrived in; under a changing workload only the day picked inside
// the fuzz window can differ.
import { settleDue, type Workload } from './balance';
import { compareReviews, replay, type LoggedReview } from './replay';
import type { CardMemory, CardStateCode, Scheduler } from './scheduler';

export interface StoredReview extends LoggedReview {
	/** The due date this review gave the card, as stored; null if never computed. */
	dueAfter: Date | null;
}

export interface RecomputedRow {
	id: string;
	stateBefore: CardStateCode;
	dueAfter: Date;
}

export interface Recomputed {
	/** Rows from the change on, with their new derived values. */
	rows: RecomputedRow[];
	/** The card now: the base when no review is left, null if it has none. */
	memory: CardMemory | null;
}

/**
 * @param log the card's reviews after the change (the added review included, a removed one left out)
 * @param changed the review added or removed: rows sorting at or after it are recomputed
 */
export function recomputeCard(
	cardId: string,
	log: readonly StoredReview[],
	changed: LoggedReview,
	scheduler: Scheduler,
	workload: Workload | null,
	base: CardMemory | null = null
): Recomputed {
	const { steps } = replay(cardId, log, scheduler, base);
	const rows: RecomputedRow[] = [];
	let memory: CardMemory | null = base;
	for (const step of steps) {
		const unchanged = compareReviews(step.review, changed) < 0 && step.review.dueAfter !== null;
		if (unchanged) {
			memory = settleDue(step.outcome, null, step.review.dueAfter);
		} else {
			memory = settleDue(step.outcome, workload);
			rows.push({ id: step.review.id, stateBefore: step.before?.state ?? 0, dueAfter: memory.due });
		}
	}
	return { rows, memory };
}
