// What each rating would do to a card: the label on the grade button and the due date,
// and for a rating that brings the card back the same day, what the ratings after it would do.
import {
	RATINGS,
	intervalLabel,
	settleDue,
	type CardMemory,
	type Rating,
	type Scheduler,
	type Workload
} from '$lib/core/scheduling';

export interface RatingPreview {
	rating: Rating;
	/** "10m", "3d", "2.5mo": what the grade button shows. */
	label: string;
	/** ISO time the card would next be due. */
	due: string;
	/** For a card that would come back before `dayEnd`: the previews at that time. */
	next?: RatingPreview[];
}

export function previewRatings(
	scheduler: Scheduler,
	cardId: string,
	memory: CardMemory | null,
	at: Date,
	options: { dayEnd?: Date; workload?: Workload | null; depth?: number } = {}
): RatingPreview[] {
	const depth = options.depth ?? 1;
	const preview = scheduler.preview(cardId, memory, at);
	return RATINGS.map((rating) => {
		const next = settleDue(preview[rating], options.workload ?? null);
		const item: RatingPreview = {
			rating,
			label: intervalLabel(at, next.due),
			due: next.due.toISOString()
		};
		if (depth > 0 && options.dayEnd && next.due.getTime() < options.dayEnd.getTime()) {
			item.next = previewRatings(scheduler, cardId, next, next.due, {
				...options,
				depth: depth - 1
			});
		}
		return item;
	});
}
