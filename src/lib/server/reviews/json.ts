// The card state as the JSON API returns it (POST /api/reviews, undo, bury, suspend).
import { STATE_NAMES, type CardMemory, type Scheduler } from '$lib/core/scheduling';
import { previewRatings, type RatingPreview } from './previews';

export interface CardFlagsJson {
	suspended: boolean;
	leech: boolean;
	buriedUntil: string | null;
}

export interface CardStateJson extends CardFlagsJson {
	id: string;
	/** "new" | "learning" | "review" | "relearning". */
	state: string;
	due: string | null;
	stability: number;
	difficulty: number;
	reps: number;
	lapses: number;
	scheduledDays: number;
	learningSteps: number;
	elapsedDays: number;
	lastReview: string | null;
	/** What each rating would give when the card is next shown (at its due time or now). */
	previews: RatingPreview[];
}

export function memoryJson(memory: CardMemory | null) {
	return {
		state: STATE_NAMES[memory?.state ?? 0],
		due: memory && memory.state !== 0 ? memory.due.toISOString() : null,
		stability: memory?.stability ?? 0,
		difficulty: memory?.difficulty ?? 0,
		reps: memory?.reps ?? 0,
		lapses: memory?.lapses ?? 0,
		scheduledDays: memory?.scheduledDays ?? 0,
		learningSteps: memory?.learningSteps ?? 0,
		elapsedDays: memory?.elapsedDays ?? 0,
		lastReview: memory?.lastReview?.toISOString() ?? null
	};
}

export function cardStateJson(
	cardId: string,
	memory: CardMemory | null,
	flags: { suspended: boolean; leech: boolean; buriedUntil: Date | null },
	scheduler: Scheduler,
	now: Date
): CardStateJson {
	const shownAt = memory && memory.state !== 0 && memory.due > now ? memory.due : now;
	return {
		id: cardId,
		...memoryJson(memory),
		suspended: flags.suspended,
		leech: flags.leech,
		buriedUntil: flags.buriedUntil?.toISOString() ?? null,
		previews: previewRatings(
			scheduler,
			cardId,
			memory && memory.state !== 0 ? memory : null,
			shownAt,
			{
				depth: 0
			}
		)
	};
}
