import { generatorParameters } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { cardsToSeed, seededMemory } from './seeding';

const NOW = new Date('2026-03-01T12:00:00Z');
const w = generatorParameters().w;

describe('seeded memory', () => {
	it('starts in Review with ts-fsrs initial stability for the grade, reviewed now', () => {
		const easy = seededMemory('docker-001', 'easy', NOW);
		expect(easy.state).toBe(2);
		expect(easy.stability).toBeCloseTo(w[3]!, 5);
		expect(easy.lastReview).toEqual(NOW);
		expect(easy.reps).toBe(1);
		const good = seededMemory('docker-001', 'good', NOW);
		expect(good.stability).toBeCloseTo(w[2]!, 5);
		expect(good.difficulty).toBeGreaterThan(easy.difficulty);
	});

	it('spreads first due dates over 1–2.5 × stability, at least a day out', () => {
		const days = Array.from({ length: 40 }, (_, i) => seededMemory(`card-${i}`, 'easy', NOW))
			.map((m) => (m.due.getTime() - NOW.getTime()) / 86_400_000)
			.sort((a, b) => a - b);
		expect(days[0]).toBeGreaterThanOrEqual(Math.max(1, Math.round(w[3]!)));
		expect(days.at(-1)).toBeLessThanOrEqual(Math.round(w[3]! * 2.5));
		expect(new Set(days).size).toBeGreaterThan(5);
	});
});

describe('cardsToSeed', () => {
	it('seeds cards below the shown level as Easy and known quiz cards at it as Good', () => {
		const cards = [
			{ id: 'l1', level: 1 },
			{ id: 'l2a', level: 2 },
			{ id: 'l2b', level: 2 },
			{ id: 'l3', level: 3 }
		];
		expect(cardsToSeed(cards, 2, new Set(['l2a']))).toEqual([
			{ id: 'l1', grade: 'easy' },
			{ id: 'l2a', grade: 'good' }
		]);
		expect(cardsToSeed(cards, 0, new Set())).toEqual([]);
	});
});
