// How well a learner knows a skill's levels, from the FSRS memory of the level's cards, and
// the rule that turns a self-rating into the current level once review data exists.
//
// Rule (documented in the README): the current level is the latest rating, capped by evidence.
// Once any card of the skill has been studied, each level ℓ from 1 up to the rating must have
//   mastery(ℓ) = mean retrievability *now* of the level's studied cards × share of the level's
//                cards studied  ≥ 0.6,
// else the current level drops to ℓ − 1. Levels without cards cannot be evidenced and are
// skipped. Retrievability falls as time passes, so a closed gap re-opens as memory fades.
import { forgetting_curve, generatorParameters } from 'ts-fsrs';

export const MASTERY_THRESHOLD = 0.6;

const DAY_MS = 86_400_000;
const DEFAULT_PARAMETERS: readonly number[] = generatorParameters().w;

/** The part of a card's FSRS state that retrievability needs (card_state columns). */
export interface MemoryState {
	stability: number;
	/** ts-fsrs State: 0 New · 1 Learning · 2 Review · 3 Relearning. */
	state: number;
	lastReview: Date | null;
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
	/** Mean retrievability now over the studied cards; 0 when none is studied. */
	meanRetrievability: number;
	/** meanRetrievability × studied / total; null when the level has no cards. */
	mastery: number | null;
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
	const total = Math.max(cards.total, studied.length);
	const mastery = total === 0 ? null : (meanRetrievability * studied.length) / total;
	return {
		level: cards.level,
		total,
		studied: studied.length,
		meanRetrievability,
		mastery,
		met: mastery === null || mastery >= MASTERY_THRESHOLD
	};
}

export interface EvidencedLevel {
	/** The latest rating, as given. */
	selfRated: number;
	/** The rating capped by evidence (equal to selfRated without review data). */
	current: number;
	/** True when some card of the skill has been studied, so the cap applies. */
	hasEvidence: boolean;
	/** Mastery of every level that has cards, 1–4. */
	levels: LevelMastery[];
}

/** Applies the mastery rule above to one skill. `cards` may list levels in any order. */
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
