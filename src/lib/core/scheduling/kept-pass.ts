// ts-fsrs passes kept for reuse. A preview works out all four ratings of a card twice (with
// fuzz, and without it for the fuzz window): two thirds of a queue request. Yet a pass depends
// only on the parameters, the fuzz seed, the card's memory and the whole UTC days since its last
// review (ts-fsrs's elapsed days) — never on the time of day, which only shifts the due dates
// it gives. So the same card previewed again the same day, by any page or request, reuses the
// pass: kept with its due dates relative to the review, and put back at the time asked.
import { State, type Card, type FSRS } from 'ts-fsrs';

const DAY_MS = 86_400_000;
/** Cards kept per set of parameters (a learner's, or the defaults); dropped whole when full. */
const MAX_CARDS = 20_000;
const MAX_PARAMETER_SETS = 200;

/** A rating's card, its due date as milliseconds after the review. */
type Relative = Omit<Card, 'due' | 'last_review'> & { dueAfterMs: number };

/** The latest pass of one card: reused while the memory and the elapsed days are the same. */
interface Kept {
	card: Card;
	elapsed: number;
	pass: readonly Relative[];
}

// Parameters, then card: compared field by field, since turning the memory's floating-point
// numbers into a string key cost more than the pass saved.
const kept = new Map<string, Map<string, Kept>>();

/** Whole UTC calendar days from `from` to `to`: how ts-fsrs counts elapsed days. */
function utcDays(from: Date, to: Date): number {
	// Epoch time has no leap seconds: every UTC day is DAY_MS long and starts at a multiple of it.
	return Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
}

function sameMemory(a: Card, b: Card): boolean {
	return (
		a.state === b.state &&
		a.stability === b.stability &&
		a.difficulty === b.difficulty &&
		a.learning_steps === b.learning_steps &&
		a.reps === b.reps &&
		a.lapses === b.lapses &&
		a.scheduled_days === b.scheduled_days
	);
}

// Every field written out: rest and spread over these objects were slower than the pass.
function relative(card: Card, at: Date): Relative {
	return {
		dueAfterMs: card.due.getTime() - at.getTime(),
		stability: card.stability,
		difficulty: card.difficulty,
		elapsed_days: card.elapsed_days,
		scheduled_days: card.scheduled_days,
		learning_steps: card.learning_steps,
		reps: card.reps,
		lapses: card.lapses,
		state: card.state
	};
}

function atTime(r: Relative, at: Date): Card {
	return {
		due: new Date(at.getTime() + r.dueAfterMs),
		stability: r.stability,
		difficulty: r.difficulty,
		elapsed_days: r.elapsed_days,
		scheduled_days: r.scheduled_days,
		learning_steps: r.learning_steps,
		reps: r.reps,
		lapses: r.lapses,
		state: r.state,
		last_review: new Date(at)
	};
}

function cardsOf(parameters: string): Map<string, Kept> {
	let cards = kept.get(parameters);
	if (!cards) {
		if (kept.size >= MAX_PARAMETER_SETS) kept.clear();
		kept.set(parameters, (cards = new Map()));
	}
	return cards;
}

function relativePass(
	f: FSRS,
	parameters: string,
	cardKey: string,
	card: Card,
	at: Date
): readonly Relative[] {
	const elapsed = card.state !== State.New && card.last_review ? utcDays(card.last_review, at) : 0;
	const cards = cardsOf(parameters);
	const found = cards.get(cardKey);
	if (found && found.elapsed === elapsed && sameMemory(found.card, card)) return found.pass;
	const next = f.repeat(card, at);
	const pass = ([1, 2, 3, 4] as const).map((rating) => relative(next[rating].card, at));
	if (cards.size >= MAX_CARDS) cards.clear();
	cards.set(cardKey, { card: { ...card }, elapsed, pass });
	return pass;
}

/**
 * `f.repeat(card, at)`'s card for each rating, fresh objects the caller may change.
 * `parameters` must name everything `f` was made with, and `cardKey` the card and the fuzz seed
 * `f` will use for it.
 */
export function keptRepeat(
	f: FSRS,
	parameters: string,
	cardKey: string,
	card: Card,
	at: Date
): Record<1 | 2 | 3 | 4, Card> {
	const [again, hard, good, easy] = relativePass(f, parameters, cardKey, card, at);
	return {
		1: atTime(again!, at),
		2: atTime(hard!, at),
		3: atTime(good!, at),
		4: atTime(easy!, at)
	};
}

/** Scheduled days for ratings 1–4 (index 0 unused), without building the cards. */
export function keptDays(
	f: FSRS,
	parameters: string,
	cardKey: string,
	card: Card,
	at: Date
): readonly number[] {
	return [0, ...relativePass(f, parameters, cardKey, card, at).map((c) => c.scheduled_days)];
}
