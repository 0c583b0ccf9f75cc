import { describe, expect, it } from 'vitest';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import {
	creditedLevels,
	gradePlacement,
	hash32,
	nextPlacementSkill,
	pickPlacementCards,
	placementOrder
} from './placement';

const graph = smallGraph();

describe('placement order and credit', () => {
	it('asks dependents before the prerequisites they need', () => {
		const claims = new Map([
			['python', 3],
			['docker', 3],
			['kubernetes', 2],
			['pytorch', 0]
		]);
		const order = placementOrder(graph, claims);
		expect(order.indexOf('kubernetes')).toBeLessThan(order.indexOf('docker'));
		expect(order.indexOf('docker')).toBeLessThan(order.indexOf('python'));
		expect(order).not.toContain('pytorch');
	});

	it('credits a passed level to the prerequisites it needs', () => {
		const credited = creditedLevels(graph, new Map([['kubernetes', 2]]));
		expect(credited).toEqual(
			new Map([
				['python', 2],
				['docker', 2],
				['kubernetes', 2]
			])
		);
	});

	it('skips skills already credited at their claimed level (fewer questions)', () => {
		const claims = new Map([
			['kubernetes', 2],
			['docker', 2],
			['python', 3]
		]);
		const order = placementOrder(graph, claims);
		const credited = creditedLevels(graph, new Map([['kubernetes', 2]]));
		// docker 2 is credited by kubernetes 2; python is claimed at 3 > 2, so it is still asked.
		expect(nextPlacementSkill(order, claims, credited, new Set(['kubernetes']))).toBe('python');
		expect(
			nextPlacementSkill(order, claims, credited, new Set(['kubernetes', 'python']))
		).toBeNull();
	});
});

describe('pickPlacementCards', () => {
	const cards = [
		{ id: 'a1', level: 1 },
		{ id: 'b2', level: 2 },
		{ id: 'c2', level: 2 },
		{ id: 'd2', level: 2 },
		{ id: 'e2', level: 2 },
		{ id: 'f3', level: 3 }
	];
	it('takes three cards of exactly the claimed level, the same for the same seed', () => {
		const picked = pickPlacementCards(cards, 2, 'user-1');
		expect(picked).toHaveLength(3);
		expect(picked.every((id) => id.endsWith('2'))).toBe(true);
		expect(pickPlacementCards(cards, 2, 'user-1')).toEqual(picked);
	});
	it('cannot check a level with fewer than two cards', () => {
		expect(pickPlacementCards(cards, 3, 'x')).toEqual([]);
		expect(pickPlacementCards(cards, 4, 'x')).toEqual([]);
	});
	it('hashes deterministically', () => {
		expect(hash32('abc')).toBe(hash32('abc'));
		expect(hash32('abc')).not.toBe(hash32('abd'));
	});
});

describe('gradePlacement', () => {
	it('passes with two thirds known and suggests one level lower otherwise', () => {
		expect(gradePlacement(3, [true, true, false])).toEqual({
			passed: true,
			shownLevel: 3,
			suggestedLevel: 3
		});
		expect(gradePlacement(3, [true, false, false])).toEqual({
			passed: false,
			shownLevel: null,
			suggestedLevel: 2
		});
		expect(gradePlacement(2, [true, false]).passed).toBe(false);
		expect(gradePlacement(2, [true, true]).passed).toBe(true);
		expect(gradePlacement(1, []).passed).toBe(false);
	});
});
