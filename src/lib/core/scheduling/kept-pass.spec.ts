import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StrategyMode, createEmptyCard, fsrs, generatorParameters, type Card } from 'ts-fsrs';
import { keptDays, keptRepeat } from './kept-pass';

const DAY_MS = 86_400_000;
const START = Date.UTC(2026, 0, 5, 9);
let seed = '';
const fuzzy = fsrs(generatorParameters({ enable_fuzz: true })).useStrategy(
	StrategyMode.SEED,
	() => seed
);
const exact = fsrs(generatorParameters({ enable_fuzz: false }));

/** A card after a run of ratings at the given gaps (hours), each made with fuzz as the app does. */
function cardAfter(ratings: { rating: 1 | 2 | 3 | 4; hours: number }[]): {
	card: Card;
	at: number;
} {
	let card = createEmptyCard(new Date(START));
	let at = START;
	for (const [i, { rating, hours }] of ratings.entries()) {
		at += hours * 3_600_000;
		seed = `c:${i + 1}`;
		card = fuzzy.next(card, new Date(at), rating).card;
	}
	return { card, at };
}

const history = fc.array(
	fc.record({
		rating: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
		hours: fc.integer({ min: 0, max: 24 * 90 })
	}),
	{ maxLength: 12 }
);

describe('kept ts-fsrs passes', () => {
	it('give what a fresh pass gives, at any hour of any later day, with fuzz and without', () => {
		fc.assert(
			fc.property(
				history,
				fc.integer({ min: 0, max: 24 * 400 }),
				fc.array(fc.integer({ min: 0, max: DAY_MS - 1 }), { minLength: 2, maxLength: 4 }),
				(ratings, laterHours, instants) => {
					const { card, at } = cardAfter(ratings);
					// Several instants of one UTC day: the first fills what is kept, the others reuse it.
					const day = Math.floor((at + laterHours * 3_600_000) / DAY_MS) * DAY_MS;
					for (const offset of instants) {
						const when = new Date(Math.max(at, day + offset));
						seed = `c:${card.reps + 1}`;
						const fresh = fuzzy.repeat(card, when);
						const kept = keptRepeat(fuzzy, 'fuzz', seed, card, when);
						const plain = exact.repeat(card, when);
						const days = keptDays(exact, 'exact', seed, card, when);
						for (const r of [1, 2, 3, 4] as const) {
							expect(kept[r]).toEqual(fresh[r].card);
							expect(days[r]).toBe(plain[r].card.scheduled_days);
						}
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('hands out fresh cards: changing one changes no later answer', () => {
		const { card, at } = cardAfter([
			{ rating: 3, hours: 0 },
			{ rating: 3, hours: 30 }
		]);
		const when = new Date(at + 5 * DAY_MS);
		const first = keptRepeat(exact, 'exact', 'c:3', card, when);
		first[3].scheduled_days = -1;
		first[3].due.setTime(0);
		const again = keptRepeat(exact, 'exact', 'c:3', card, when);
		expect(again[3]).toEqual(exact.repeat(card, when)[3].card);
	});
});
