// The one place Gapwise talks to ts-fsrs. Fuzz is on, seeded per (card, review number), so
// the same log always gives the same schedule; the fuzz window is returned alongside so the
// caller can move the due date to a lighter day inside it (load balancing).
import {
	State,
	StrategyMode,
	createEmptyCard,
	fsrs,
	generatorParameters,
	get_fuzz_range,
	type Card,
	type FSRS
} from 'ts-fsrs';
import { retrievability } from '../mastery';
import { keptDays, keptRepeat } from './kept-pass';
import type { ReviewSettings } from './settings';

export type Rating = 1 | 2 | 3 | 4;
export const RATINGS: readonly Rating[] = [1, 2, 3, 4];
export const RATING_NAMES: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** 0 New · 1 Learning · 2 Review · 3 Relearning (ts-fsrs's State). */
export type CardStateCode = 0 | 1 | 2 | 3;
export const STATE_NAMES: Record<CardStateCode, string> = {
	0: 'new',
	1: 'learning',
	2: 'review',
	3: 'relearning'
};

/** A card's FSRS memory and schedule, as stored in card_state. */
export interface CardMemory {
	due: Date;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: CardStateCode;
	lastReview: Date | null;
}

/** The days after the review that fuzz allows for the next due date. */
export interface FuzzWindow {
	reviewedAt: Date;
	minDays: number;
	maxDays: number;
	/** The seeded fuzz's own pick: the choice when load does not decide. */
	fuzzedDays: number;
}

export interface Outcome {
	memory: CardMemory;
	/** Null when the due date is fixed (learning steps, or an interval too short to fuzz). */
	window: FuzzWindow | null;
}

export type SchedulerSettings = Pick<
	ReviewSettings,
	'desiredRetention' | 'maximumInterval' | 'learningSteps' | 'relearningSteps' | 'params'
>;

export const DAY_MS = 86_400_000;

export function toFsrsCard(memory: CardMemory): Card {
	return {
		due: memory.due,
		stability: memory.stability,
		difficulty: memory.difficulty,
		elapsed_days: memory.elapsedDays,
		scheduled_days: memory.scheduledDays,
		learning_steps: memory.learningSteps,
		reps: memory.reps,
		lapses: memory.lapses,
		state: memory.state as State,
		last_review: memory.lastReview ?? undefined
	};
}

export function fromFsrsCard(card: Card): CardMemory {
	return {
		due: new Date(card.due.getTime()),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsed_days,
		scheduledDays: card.scheduled_days,
		learningSteps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state as CardStateCode,
		lastReview: card.last_review ? new Date(card.last_review.getTime()) : null
	};
}

/** A never-reviewed card, due at `now`. */
export function newCardMemory(now: Date): CardMemory {
	return fromFsrsCard(createEmptyCard(now));
}

/** The fuzz seed of a card's n-th review (n counts from 1): stable across replays. */
export function fuzzSeed(cardId: string, reviewNumber: number): string {
	return `${cardId}:${reviewNumber}`;
}

export class Scheduler {
	readonly settings: SchedulerSettings;
	private readonly fuzzy: FSRS;
	private readonly exact: FSRS;
	/** Everything each was made with: the keys under which their passes are kept. */
	private readonly fuzzParameters: string;
	private readonly exactParameters: string;
	private seed = '';

	constructor(settings: SchedulerSettings) {
		this.settings = settings;
		const base = generatorParameters({
			request_retention: settings.desiredRetention,
			maximum_interval: settings.maximumInterval,
			learning_steps: settings.learningSteps,
			relearning_steps: settings.relearningSteps,
			enable_short_term: true,
			...(settings.params ? { w: settings.params } : {})
		});
		this.fuzzy = fsrs({ ...base, enable_fuzz: true }).useStrategy(
			StrategyMode.SEED,
			() => this.seed
		);
		this.exact = fsrs({ ...base, enable_fuzz: false });
		this.fuzzParameters = JSON.stringify({ ...base, enable_fuzz: true });
		this.exactParameters = JSON.stringify({ ...base, enable_fuzz: false });
	}

	get w(): readonly number[] {
		return this.fuzzy.parameters.w;
	}

	/** The card after one rating at `reviewedAt`, with the fuzz window of its next due date. */
	review(cardId: string, memory: CardMemory | null, rating: Rating, at: Date): Outcome {
		const { card, reviewedAt, seed } = this.start(cardId, memory, at);
		const next = this.fuzzy.next(card, reviewedAt, rating).card;
		return this.outcome(next, reviewedAt, () => this.plain(seed, card, reviewedAt)[rating]!);
	}

	/**
	 * What each rating would give if the card were rated at `now`: the same outcomes as four
	 * `review` calls, from one ts-fsrs pass (its scheduler works out all four ratings at once).
	 */
	preview(cardId: string, memory: CardMemory | null, now: Date): Record<Rating, Outcome> {
		const { card, reviewedAt, seed } = this.start(cardId, memory, now);
		// The seed names the card and its review number: the key its kept passes go under.
		const fuzzed = keptRepeat(this.fuzzy, this.fuzzParameters, seed, card, reviewedAt);
		const outcomeOf = (rating: Rating) =>
			this.outcome(fuzzed[rating], reviewedAt, () => this.plain(seed, card, reviewedAt)[rating]!);
		return { 1: outcomeOf(1), 2: outcomeOf(2), 3: outcomeOf(3), 4: outcomeOf(4) };
	}

	private start(cardId: string, memory: CardMemory | null, at: Date) {
		// A memory credited by placement is dated when it was credited; a review the phone made
		// offline before that arrives later. ts-fsrs refuses to go back in time, so such a
		// review counts as made at that moment rather than failing.
		const reviewedAt =
			memory?.lastReview && at.getTime() < memory.lastReview.getTime() ? memory.lastReview : at;
		const card = memory ? toFsrsCard(memory) : createEmptyCard(reviewedAt);
		this.seed = fuzzSeed(cardId, card.reps + 1);
		return { card, reviewedAt, seed: this.seed };
	}

	private plain(cardKey: string, card: Card, at: Date): readonly number[] {
		return keptDays(this.exact, this.exactParameters, cardKey, card, at);
	}

	/** `unfuzzed` gives the same rating's days without fuzz: asked only when a window may exist. */
	private outcome(next: Card, reviewedAt: Date, unfuzzed: () => number): Outcome {
		const max = this.settings.maximumInterval;
		// ts-fsrs keeps Hard < Good < Easy by adding days, which can pass the maximum.
		if (next.state === State.Review && next.scheduled_days > max) {
			next.scheduled_days = max;
			next.due = new Date(reviewedAt.getTime() + max * DAY_MS);
		}
		return { memory: fromFsrsCard(next), window: this.windowOf(next, unfuzzed, reviewedAt) };
	}

	/** Probability of recall at `now` (0 for a new card), on fractional days. */
	retrievability(memory: CardMemory, now: Date): number {
		return retrievabilityOf(memory, now, this.w);
	}

	private windowOf(after: Card, unfuzzed: () => number, at: Date): FuzzWindow | null {
		if (after.state !== State.Review || after.scheduled_days < 1) return null;
		const plain = unfuzzed();
		// ts-fsrs leaves intervals under 2.5 days unfuzzed.
		if (plain < 3) return null;
		const max = this.settings.maximumInterval;
		const range = get_fuzz_range(plain, after.elapsed_days, max);
		const minDays = Math.min(range.min_ivl, after.scheduled_days);
		const maxDays = Math.min(max, Math.max(range.max_ivl, after.scheduled_days));
		if (minDays >= maxDays) return null;
		return { reviewedAt: at, minDays, maxDays, fuzzedDays: after.scheduled_days };
	}
}

/** The memory with its due date moved to `days` after the review (inside its window). */
export function withDueDays(memory: CardMemory, window: FuzzWindow, days: number): CardMemory {
	return {
		...memory,
		scheduledDays: days,
		due: new Date(window.reviewedAt.getTime() + days * DAY_MS)
	};
}

/**
 * Probability of recall at `now` on the FSRS-6 forgetting curve, fractional days since the
 * last review; 0 for a card never reviewed. One implementation for the app: mastery.ts's.
 */
export function retrievabilityOf(memory: CardMemory, now: Date, w: readonly number[]): number {
	return retrievability(memory, now, w);
}
