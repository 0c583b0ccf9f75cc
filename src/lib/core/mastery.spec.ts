import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, generatorParameters, Rating, type Grade } from 'ts-fsrs';
import {
	cardMastery,
	evidencedLevel,
	levelMastery,
	MATURE_DAYS,
	masteryOf,
	provenDays,
	RECALL_THRESHOLD,
	retrievability,
	type MemoryState
} from './mastery';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);
/** A card last reviewed `daysAgo`, first reviewed `firstDaysAgo` (default: the same moment). */
const reviewed = (stability: number, daysAgo: number, firstDaysAgo = daysAgo): MemoryState => ({
	stability,
	state: 2,
	lastReview: daysBefore(daysAgo),
	firstReview: daysBefore(firstDaysAgo)
});

/** A card's memory after ratings at the given times (ts-fsrs, default parameters, no fuzz). */
function history(ratings: [Grade, string][]): MemoryState {
	const scheduler = fsrs(generatorParameters({ learning_steps: ['1m', '10m'] }));
	let card = createEmptyCard(new Date(ratings[0]![1]));
	for (const [rating, at] of ratings) card = scheduler.next(card, new Date(at), rating).card;
	return {
		stability: card.stability,
		state: card.state,
		lastReview: card.last_review ?? null,
		firstReview: new Date(ratings[0]![1])
	};
}

describe('retrievability', () => {
	it('is 1 right after a review, 0.9 after one stability, and falls with time', () => {
		expect(retrievability(reviewed(10, 0), NOW)).toBeCloseTo(1, 5);
		expect(retrievability(reviewed(10, 10), NOW)).toBeCloseTo(0.9, 2);
		expect(retrievability(reviewed(10, 30), NOW)).toBeLessThan(0.9);
		expect(retrievability(reviewed(10, 300), NOW)).toBeLessThan(
			retrievability(reviewed(10, 30), NOW)
		);
	});
	it('is 0 for a card never studied', () => {
		expect(retrievability({ stability: 0, state: 0, lastReview: null }, NOW)).toBe(0);
	});
});

describe('card mastery grows with evidence over days, never from one sitting', () => {
	it('proves nothing in one sitting, however often the card is answered Easy', () => {
		const sitting = history([
			[Rating.Good, '2026-03-01T09:00:00Z'],
			[Rating.Good, '2026-03-01T09:01:00Z'],
			[Rating.Easy, '2026-03-01T09:11:00Z'],
			[Rating.Easy, '2026-03-01T09:12:00Z'],
			[Rating.Easy, '2026-03-01T09:13:00Z'],
			[Rating.Easy, '2026-03-01T09:14:00Z']
		]);
		// FSRS's same-day reviews do raise the stability past a week…
		expect(sitting.stability).toBeGreaterThan(7);
		// …but the memory has held for minutes, not days: retrievability is ~1, mastery 0.
		const now = new Date('2026-03-01T09:20:00Z');
		expect(retrievability(sitting, now)).toBeGreaterThan(0.99);
		expect(provenDays(sitting)).toBeLessThan(0.01);
		expect(cardMastery(sitting, now)).toBeLessThan(0.001);
	});

	it('rises as reviews on later days succeed, and is whole once three weeks are proven', () => {
		const steps: [Grade, string][] = [
			[Rating.Good, '2026-03-01T09:00:00Z'],
			[Rating.Good, '2026-03-01T09:01:00Z'],
			[Rating.Good, '2026-03-01T09:11:00Z']
		];
		const after = (extra: [Grade, string][], at: string) => {
			const memory = history([...steps, ...extra]);
			return cardMastery(memory, new Date(at));
		};
		const day0 = after([], '2026-03-01T10:00:00Z');
		const day4 = after([[Rating.Good, '2026-03-04T09:00:00Z']], '2026-03-04T10:00:00Z');
		const day18 = after(
			[
				[Rating.Good, '2026-03-04T09:00:00Z'],
				[Rating.Good, '2026-03-18T09:00:00Z']
			],
			'2026-03-18T10:00:00Z'
		);
		expect(day0).toBeLessThan(0.001);
		// Three days proven of 21: about a seventh.
		expect(day4).toBeCloseTo(3 / MATURE_DAYS, 2);
		expect(day18).toBeCloseTo(17 / MATURE_DAYS, 2);
		const mature = after(
			[
				[Rating.Good, '2026-03-04T09:00:00Z'],
				[Rating.Good, '2026-03-18T09:00:00Z'],
				[Rating.Good, '2026-05-10T09:00:00Z']
			],
			'2026-05-10T10:00:00Z'
		);
		expect(mature).toBeGreaterThan(0.99);
	});

	it('counts no more days than FSRS’s stability: a lapse takes the proof back', () => {
		const lapsed = history([
			[Rating.Good, '2026-01-01T09:00:00Z'],
			[Rating.Good, '2026-01-01T09:11:00Z'],
			[Rating.Good, '2026-01-05T09:00:00Z'],
			[Rating.Again, '2026-02-20T09:00:00Z']
		]);
		expect(provenDays(lapsed)).toBe(lapsed.stability);
		expect(provenDays(lapsed)).toBeLessThan(7);
		expect(provenDays({ ...reviewed(30, 0, 40) })).toBe(30);
		expect(provenDays({ ...reviewed(30, 0), firstReview: null })).toBe(0);
	});
});

describe('levelMastery', () => {
	it('sums the cards’ mastery over every card of the level; recall is over the studied ones', () => {
		const m = levelMastery(
			{ level: 2, total: 4, states: [reviewed(42, 0, 42), reviewed(42, 0, 42)] },
			NOW
		);
		expect(m.studied).toBe(2);
		expect(m.mastery).toBeCloseTo(0.5, 5);
		expect(m.meanRetrievability).toBeCloseTo(1, 5);
		expect(m.met).toBe(true);
		expect(masteryOf([reviewed(42, 0, 42)], 4, NOW)).toBeCloseTo(0.25, 5);
	});
	it('has no mastery (and no cap) for a level without cards', () => {
		expect(levelMastery({ level: 4, total: 0, states: [] }, NOW)).toMatchObject({
			mastery: null,
			met: true
		});
	});
});

describe('evidencedLevel: the gap’s cap', () => {
	const level = (n: number, total: number, states: MemoryState[]) => ({ level: n, total, states });

	it('keeps the self-rating while nothing has been studied', () => {
		const r = evidencedLevel(3, [level(1, 3, []), level(2, 3, [])], NOW);
		expect(r).toMatchObject({ selfRated: 3, current: 3, hasEvidence: false });
	});

	it('keeps the rating while studied cards are remembered, however few or new they are', () => {
		// Studying the next level's cards, or a first few of a claimed level, is no evidence against it.
		const today = [reviewed(2.3, 0)];
		const r = evidencedLevel(2, [level(1, 4, []), level(2, 4, today), level(3, 4, today)], NOW);
		expect(r.current).toBe(2);
		expect(r.hasEvidence).toBe(true);
		expect(r.levels[1]!.mastery).toBe(0);
	});

	it('drops to below the first level whose studied cards are recalled under the threshold', () => {
		const fresh = [reviewed(20, 1), reviewed(20, 1)];
		const forgotten = [reviewed(0.5, 60, 90), reviewed(0.5, 60, 90)];
		const r = evidencedLevel(
			3,
			[level(1, 2, fresh), level(2, 4, forgotten), level(3, 2, fresh)],
			NOW
		);
		expect(r.current).toBe(1);
		expect(r.levels[1]!.meanRetrievability).toBeLessThan(RECALL_THRESHOLD);
	});

	it('re-opens the gap as memory fades', () => {
		const cards = [level(1, 2, [reviewed(5, 0), reviewed(5, 0)])];
		expect(evidencedLevel(1, cards, NOW).current).toBe(1);
		// FSRS-6's curve is flat in the tail: a 5-day memory is still at ~0.6 after 4 months.
		const later = new Date(NOW.getTime() + 365 * DAY);
		expect(evidencedLevel(1, cards, later).current).toBe(0);
	});

	it('never raises a rating', () => {
		const fresh = [reviewed(50, 0, 60)];
		expect(evidencedLevel(1, [level(1, 1, fresh), level(2, 1, fresh)], NOW).current).toBe(1);
	});
});
