// How well a learner knows a skill's levels, from the FSRS memory of the level's cards, and
// the rule that turns a self-rating into the current level once review data exists.
//
// Mastery (documented in the README and on /stats) grows with evidence over days, never from
// one sitting. A card's mastery = its retrievability now × min(1, proven days ÷ 21), where
// proven days = the smaller of its FSRS stability and the days from its first review to its
// latest. One sitting proves 0 days however often the card was answered Easy; a card counts
// in full once it has been recalled across three weeks and FSRS expects it to last three weeks
// (21 days is Anki's "mature" interval). A level's mastery = the sum over its cards ÷ its cards
// (built-in and own; a card never studied adds 0).
//
// The gap's evidence cap (also in the README): the current level is the latest rating, lowered
// only where memory contradicts it. Each level ℓ from 1 up to the rating whose cards have been
// studied must have recall(ℓ) = mean retrievability *now* of those cards ≥ 0.6, else the current
// level drops to ℓ − 1. A level with no studied cards is not judged (no evidence is not
// evidence against), and the cap never raises a rating. Retrievability falls as time passes,
// so a closed gap re-opens as memory fades.
import { forgetting_curve, generatorParameters } from 'ts-fsrs';

/** Recall under which a studied level no longer supports the rating. */
export const RECALL_THRESHOLD = 0.6;
/** Days of proven memory at which a card counts in full (Anki's "mature" interval). */
export const MATURE_DAYS = 21;

const DAY_MS = 86_400_000;
const DEFAULT_PARAMETERS: readonly number[] = generatorParameters().w;

/** The part of a card's FSRS state that retrievability needs (card_state columns). */
export interface MemoryState {
	stability: number;
	/** ts-fsrs State: 0 New · 1 Learning · 2 Review · 3 Relearning. */
	state: number;
	lastReview: Date | null;
	/** The card's first logged review; null or absent when it has none (a placement seed). */
	firstReview?: Date | null;
}

/** True once the learner has studied the card (a review, or a seeded placement state). */
export function isStudied(memory: MemoryState): boolean {
	return memory.state !== 0 && memory.lastReview !== null && memory.stability > 0;
}

/**
 * Probability of recalling the card at `now`, on ts-fsrs's forgetting curve (FSRS-6 with the
 * learner's parameters when given). Elapsed time counts in fractional days; a card never
 * studied has retrievability 0.
 */
export function retrievability(
	memory: MemoryState,
	now: Date,
	parameters: readonly number[] = DEFAULT_PARAMETERS
): number {
	if (!isStudied(memory)) return 0;
	const elapsedDays = Math.max(0, (now.getTime() - memory.lastReview!.getTime()) / DAY_MS);
	return forgetting_curve(parameters, elapsedDays, memory.stability);
}

/**
 * Days over which the memory has shown it holds: the span from the first review to the latest,
 * and no more than FSRS's stability (after a lapse the stability, and so this, falls back).
 */
export function provenDays(memory: MemoryState): number {
	if (!isStudied(memory) || !memory.firstReview) return 0;
	const span = (memory.lastReview!.getTime() - memory.firstReview.getTime()) / DAY_MS;
	return Math.max(0, Math.min(memory.stability, span));
}

/** Retrievability now, weighted by how much of a mature memory has been proven (0–1). */
export function cardMastery(
	memory: MemoryState,
	now: Date,
	parameters: readonly number[] = DEFAULT_PARAMETERS
): number {
	const proven = Math.min(1, provenDays(memory) / MATURE_DAYS);
	return proven === 0 ? 0 : retrievability(memory, now, parameters) * proven;
}

/**
 * Mastery of a set of cards: Σ cardMastery ÷ `total` (the cards that could be studied, at least
 * those given); null when there are none. A card never studied adds 0.
 */
export function masteryOf(
	states: readonly MemoryState[],
	total: number,
	now: Date,
	parameters?: readonly number[]
): number | null {
	const n = Math.max(total, states.length);
	if (n === 0) return null;
	return states.reduce((sum, s) => sum + cardMastery(s, now, parameters), 0) / n;
}

/** The cards of one level of one skill: how many exist, and the memory of those studied. */
export interface LevelCards {
	level: number;
	/** Active cards of the level (built-in and the learner's own). */
	total: number;
	/** Memory states of the level's cards the learner has a state for. */
	states: readonly MemoryState[];
}

export interface LevelMastery {
	level: number;
	total: number;
	studied: number;
	/** Recall: mean retrievability now over the studied cards; 0 when none is studied. */
	meanRetrievability: number;
	/** Σ cardMastery ÷ total: what reviews over days have proven; null when the level has no cards. */
	mastery: number | null;
	/** False when studied cards are recalled under the threshold: the cap applies here. */
	met: boolean;
}

export function levelMastery(
	cards: LevelCards,
	now: Date,
	parameters?: readonly number[]
): LevelMastery {
	const studied = cards.states.filter(isStudied);
	const meanRetrievability =
		studied.length === 0
			? 0
			: studied.reduce((sum, s) => sum + retrievability(s, now, parameters), 0) / studied.length;
	return {
		level: cards.level,
		total: Math.max(cards.total, studied.length),
		studied: studied.length,
		meanRetrievability,
		mastery: masteryOf(studied, cards.total, now, parameters),
		met: studied.length === 0 || meanRetrievability >= RECALL_THRESHOLD
	};
}

export interface EvidencedLevel {
	/** The latest rating, as given. */
	selfRated: number;
	/** The rating capped by evidence (equal to selfRated without review data). */
	current: number;
	/** True when some card of the skill has been studied, so the cap can apply. */
	hasEvidence: boolean;
	/** Mastery of every level that has cards, 1–4. */
	levels: LevelMastery[];
}

/** Applies the evidence cap above to one skill. `cards` may list levels in any order. */
export function evidencedLevel(
	selfRated: number,
	cards: readonly LevelCards[],
	now: Date,
	parameters?: readonly number[]
): EvidencedLevel {
	const levels = [...cards]
		.sort((a, b) => a.level - b.level)
		.map((c) => levelMastery(c, now, parameters));
	const hasEvidence = levels.some((l) => l.studied > 0);
	let current = selfRated;
	if (hasEvidence) {
		for (const level of levels) {
			if (level.level > selfRated) break;
			if (!level.met) {
				current = level.level - 1;
				break;
			}
		}
	}
	return { selfRated, current, hasEvidence, levels };
}
