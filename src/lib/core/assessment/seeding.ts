// Seeded FSRS memory for cards a learner has shown they know, so they are never introduced as
// new cards. The rule (documented in the README):
// - cards of a skill below the level the placement check showed (passed, or credited through a
//   skill that needs it) start as if first answered Easy;
// - quiz cards at the shown level answered "I knew it" start as if first answered Good;
// - the state is Review with ts-fsrs's initial stability and difficulty for that grade, reviewed
//   now; the first due date is spread over the coming weeks, 1–2.5 × the stability after now
//   (at least a day), picked per card by a hash so a placement never floods one day;
// - a card that already has a memory state keeps it.
import { fsrs, generatorParameters, Rating, State, type Grade } from 'ts-fsrs';
import { hash32 } from './placement';

const DAY_MS = 86_400_000;

/** card_state's columns for one card. */
export interface SeededMemory {
	due: Date;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: number;
	lastReview: Date;
}

export interface SeedableCard {
	id: string;
	level: number;
}

export function seededMemory(
	cardId: string,
	grade: 'good' | 'easy',
	now: Date,
	parameters?: readonly number[]
): SeededMemory {
	const f = fsrs(generatorParameters(parameters ? { w: [...parameters] } : {}));
	const g: Grade = grade === 'easy' ? Rating.Easy : Rating.Good;
	const stability = f.init_stability(g);
	const spread = 1 + 1.5 * (hash32(cardId) / 0xffffffff);
	const days = Math.max(1, Math.round(stability * spread));
	return {
		due: new Date(now.getTime() + days * DAY_MS),
		stability,
		difficulty: f.init_difficulty(g),
		elapsedDays: 0,
		scheduledDays: days,
		learningSteps: 0,
		reps: 1,
		lapses: 0,
		state: State.Review,
		lastReview: now
	};
}

/** Which cards of one skill get a seeded memory, and as which grade. */
export function cardsToSeed(
	cards: readonly SeedableCard[],
	shownLevel: number,
	knewAtShownLevel: ReadonlySet<string>
): { id: string; grade: 'good' | 'easy' }[] {
	const seeded: { id: string; grade: 'good' | 'easy' }[] = [];
	for (const card of cards) {
		if (card.level < shownLevel) seeded.push({ id: card.id, grade: 'easy' });
		else if (card.level === shownLevel && knewAtShownLevel.has(card.id))
			seeded.push({ id: card.id, grade: 'good' });
	}
	return seeded;
}
