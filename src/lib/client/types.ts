// What the review client reads from the server: the parts of GET /api/queue and
// POST /api/reviews it uses (the full shapes: src/lib/server/reviews/{queue,json,apply}.ts).

import type { NoNewCardsNote } from '$lib/core/no-new-cards';

export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Where one rating would send the card. */
export interface RatingPreview {
	rating: Rating;
	/** Short human label: "10m", "3d", "2.5mo". */
	label: string;
	/** ISO time the card would next be due. */
	due: string;
	/** For a rating that brings the card back today: the previews when it is shown again. */
	next?: RatingPreview[];
}

export interface QueueCard {
	id: string;
	skillId: string;
	skillName?: string;
	/** A cloze card's back repeats the whole text with the answer marked: it replaces the front. */
	kind?: 'qa' | 'cloze' | 'choice' | 'code' | 'failure';
	/** Sanitised HTML, rendered on the server. */
	front: string;
	back: string;
	isNew: boolean;
	personal: boolean;
	previews: RatingPreview[];
	/** Where to relearn the skill when a built-in card turns into a leech. */
	resourcesUrl?: string;
	/** When a studied card is due (ISO); absent in queues saved before it was sent. */
	due?: string | null;
}

export interface QueueData {
	cards: QueueCard[];
	/** Server time the queue was computed: local actions after it are not reflected yet. */
	generatedAt: string;
	/** The learner's day [dayStart, dayEnd) and the end of tomorrow (ISO), and their time zone. */
	dayStart?: string;
	dayEnd?: string;
	tomorrowEnd?: string;
	timezone?: string;
	doneToday: number;
	streak?: number;
	/** Reviews due tomorrow as things stand. */
	tomorrow?: number;
	/** Reviews of the last two days the server had (see $lib/core/today-counts.ts). */
	reviewIds?: string[];
	/** Due cards today a catch-up plan leaves for the coming days (`deferred`). */
	counts?: { deferred: number };
	/** Why there are no new cards today, and what to do (absent in queues saved before it). */
	noNewCards?: NoNewCardsNote | null;
}

export type ReviewStatus = 'applied' | 'duplicate' | 'rejected';

export interface ReviewResult {
	id: string | null;
	status: ReviewStatus;
	reason?: string;
	/** The card's state after the review (applied or duplicate). */
	card?: {
		id: string;
		due: string | null;
		suspended: boolean;
		leech: boolean;
		previews: RatingPreview[];
	};
}
