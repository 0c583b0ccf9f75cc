// What the review client reads from the server: the shapes of GET /api/queue and
// POST /api/reviews as issue 7 states them (see src/routes/api/queue and api/reviews).

export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Where one rating would send the card. */
export interface RatingPreview {
	rating: Rating;
	/** Short human label: "10m", "3d", "2mo". */
	label: string;
	/** ISO time the card would next be due. */
	due: string;
}

export interface QueueCard {
	id: string;
	skillId: string;
	skillName?: string;
	/** Sanitised HTML, rendered on the server. */
	front: string;
	back: string;
	isNew: boolean;
	personal: boolean;
	/** A cloze card's back repeats the whole text with the answer marked: it replaces the front. */
	kind?: 'qa' | 'cloze' | 'choice' | 'code' | 'failure';
	previews: RatingPreview[];
	/** Where to relearn the skill when a built-in card turns into a leech. */
	resourcesUrl?: string;
}

export interface QueueData {
	cards: QueueCard[];
	/** Server time the queue was computed: local actions after it are not reflected yet. */
	generatedAt: string;
	/** End of the learner's day (ISO): cards due before it belong to this session. */
	dayEnd?: string;
	doneToday: number;
	streak?: number;
	tomorrow?: number;
}

export type ReviewStatus = 'applied' | 'duplicate' | 'rejected';

export interface ReviewResult {
	id: string;
	status: ReviewStatus;
	reason?: string;
	card?: {
		id: string;
		due?: string;
		leech?: boolean;
		suspended?: boolean;
		previews?: RatingPreview[];
	};
}
