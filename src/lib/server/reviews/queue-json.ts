// The shape of GET /api/queue: everything a phone needs to run today's session offline.
import type { CatchUpPlan } from '$lib/core/scheduling';
import type { NoNewCardsNote } from '$lib/core/no-new-cards';
import type { memoryJson } from './json';
import type { RatingPreview } from './previews';

export interface QueueCardJson {
	id: string;
	skillId: string;
	skillName: string;
	level: number;
	kind: 'qa' | 'cloze' | 'choice' | 'code' | 'failure';
	/** Sanitised HTML rendered on the server. */
	front: string;
	back: string;
	isNew: boolean;
	personal: boolean;
	/** Probability of recall now; null for a new card. */
	retrievability: number | null;
	lapses: number;
	/** Where to relearn the skill if a built-in card becomes a leech. */
	resourcesUrl?: string;
	/** When the card is due (ISO); null for a new card. */
	due: string | null;
	/** The card's FSRS state (null for a new card), for scheduling offline with ts-fsrs. */
	state: ReturnType<typeof memoryJson> | null;
	previews: RatingPreview[];
}

export interface QueueJson {
	generatedAt: string;
	/** The learner's day: its date, bounds (ISO) and time zone. */
	day: string;
	dayStart: string;
	dayEnd: string;
	/** The end of tomorrow (ISO): what a rating must fall before to count as due tomorrow. */
	tomorrowEnd: string;
	timezone: string;
	/** Reviews made today, and new cards started today of the daily limit. */
	doneToday: number;
	newToday: number;
	newLimit: number;
	streak: number;
	/** Reviews due tomorrow as things stand. */
	tomorrow: number;
	/**
	 * Reviews of the last two days, by id: a device counts only its reviews missing here (see
	 * $lib/core/today-counts.ts), so a review is never counted twice nor lost.
	 */
	reviewIds: string[];
	/** Cards to show now (due within the learn-ahead, and new), and those held back by a backlog. */
	counts: { due: number; new: number; deferred: number };
	/** Cards of today's queue that come back later today, and when the first does (ISO). */
	later: number;
	nextDue: string | null;
	catchUp: CatchUpPlan | null;
	/** Why there are no new cards in today's queue, and what to do; null when there are some. */
	noNewCards: NoNewCardsNote | null;
	scheduler: {
		desiredRetention: number;
		maximumInterval: number;
		learningSteps: string[];
		relearningSteps: string[];
		w: number[];
		enableFuzz: true;
		/** The fuzz seed of a card's n-th review: `${cardId}:${n}`. */
		fuzzSeed: string;
	};
	cards: QueueCardJson[];
}
