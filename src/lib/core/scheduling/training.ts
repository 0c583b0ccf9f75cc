// Review histories in the shape the FSRS optimiser trains on: one item per review after the
// first, holding the card's history up to it, with whole learner days between reviews.
import { dayKeyOf, daysBetween } from './day';
import { compareReviews, type LoggedReview } from './replay';

export interface TrainingReview {
	rating: number;
	/** Learner days since the previous review; 0 for the first (the optimiser requires it). */
	deltaT: number;
}

export type TrainingItem = TrainingReview[];

export function trainingItems(
	log: readonly LoggedReview[],
	timezone: string,
	dayStartHour: number
): TrainingItem[] {
	const byCard = new Map<string, LoggedReview[]>();
	for (const review of log) {
		const list = byCard.get(review.cardId) ?? [];
		list.push(review);
		byCard.set(review.cardId, list);
	}
	const items: TrainingItem[] = [];
	for (const list of byCard.values()) {
		list.sort(compareReviews);
		const history: TrainingReview[] = [];
		let previous: string | null = null;
		for (const review of list) {
			const day = dayKeyOf(review.reviewedAt, timezone, dayStartHour);
			const deltaT = previous === null ? 0 : daysBetween(previous, day);
			history.push({ rating: review.rating, deltaT });
			previous = day;
			// Only a review on a later day tests long-term memory: same-day repeats are not targets.
			if (history.length > 1 && deltaT > 0) items.push([...history]);
		}
	}
	return items;
}

/** Reviews needed before fitting personal parameters is offered. */
export const MIN_REVIEWS_TO_OPTIMISE = 400;
