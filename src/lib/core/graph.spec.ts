import { describe, expect, it } from 'vitest';
import {
	CycleError,
	allDependents,
	dependents,
	findCycle,
	prerequisiteClosure,
	shortestLearningPath,
	topologicalOrder,
	type SkillGraph
} from './graph';
const hours = (h: number) => [1, 2, 3, 4].map((level) => ({ level, hours: h * level }));

// python ← docker ← kubernetes; python ← model-apis (L2 needs docker L2); sql stands alone.
const small: SkillGraph = {
	skills: [
		{
			id: 'kubernetes',
			prerequisites: [{ id: 'docker', level: 2, forLevel: 1 }],
			levels: hours(1)
		},
		{
			id: 'model-apis',
			prerequisites: [
				{ id: 'python', level: 2, forLevel: 1 },
				{ id: 'docker', level: 2, forLevel: 2 }
			],
			levels: hours(1)
		},
		{ id: 'docker', prerequisites: [{ id: 'python', level: 2, forLevel: 2 }], levels: hours(1) },
		{ id: 'python', prerequisites: [], levels: hours(1) },
		{ id: 'sql', prerequisites: [], levels: hours(1) }
	]
};

describe('topologicalOrder', () => {
	it('puts prerequisites first; among ready skills the one listed first goes next', () => {
		expect(topologicalOrder(small)).toEqual([
			'python',
			'docker',
			'kubernetes',
			'model-apis',
			'sql'
		]);
	});

	it('throws a CycleError carrying the cycle path', () => {
		const cyclic: SkillGraph = {
			skills: [
				{ id: 'a', prerequisites: [{ id: 'b', level: 1, forLevel: 1 }] },
				{ id: 'b', prerequisites: [{ id: 'c', level: 1, forLevel: 1 }] },
				{ id: 'c', prerequisites: [{ id: 'a', level: 1, forLevel: 1 }] },
				{ id: 'd', prerequisites: [] }
			]
		};
		expect(() => topologicalOrder(cyclic)).toThrow(CycleError);
		expect(() => topologicalOrder(cyclic)).toThrow('prerequisite cycle: a → b → c → a');
		expect(findCycle(cyclic)).toEqual(['a', 'b', 'c', 'a']);
		expect(findCycle(small)).toBeNull();
	});
});

describe('prerequisiteClosure', () => {
	it('follows only the edges the target level needs', () => {
		// model-apis L1 needs python L2 but not docker (docker is needed from L2 on).
		expect(prerequisiteClosure(small, [{ id: 'model-apis', level: 1 }])).toEqual([
			{ id: 'python', level: 2, via: ['model-apis'] },
			{ id: 'model-apis', level: 1, via: [] }
		]);
	});

	it('records the chain that pulls a skill in, target first', () => {
		const closure = prerequisiteClosure(small, [{ id: 'kubernetes', level: 3 }]);
		expect(closure).toEqual([
			{ id: 'python', level: 2, via: ['kubernetes', 'docker'] },
			{ id: 'docker', level: 2, via: ['kubernetes'] },
			{ id: 'kubernetes', level: 3, via: [] }
		]);
	});

	it('keeps the highest level asked and marks targets as direct', () => {
		const closure = prerequisiteClosure(small, [
			{ id: 'docker', level: 1 },
			{ id: 'kubernetes', level: 1 }
		]);
		expect(closure.find((r) => r.id === 'docker')).toEqual({ id: 'docker', level: 2, via: [] });
	});

	it('skips what the learner already has', () => {
		const current = new Map([['docker', 2]]);
		expect(prerequisiteClosure(small, [{ id: 'kubernetes', level: 1 }], current)).toEqual([
			{ id: 'kubernetes', level: 1, via: [] }
		]);
	});
});

describe('dependents', () => {
	it('lists who needs a skill and at what levels', () => {
		expect(dependents(small, 'docker')).toEqual([
			{ id: 'kubernetes', level: 2, forLevel: 1 },
			{ id: 'model-apis', level: 2, forLevel: 2 }
		]);
		expect([...allDependents(small, 'python')].sort()).toEqual([
			'docker',
			'kubernetes',
			'model-apis'
		]);
		expect(dependents(small, 'sql')).toEqual([]);
	});
});

describe('shortestLearningPath', () => {
	it('orders level steps so each comes after what it needs, foundations first', () => {
		const path = shortestLearningPath(small, { id: 'model-apis', level: 2 });
		expect(path.map((s) => `${s.id}@${s.level}`)).toEqual([
			'python@1',
			'docker@1',
			'python@2',
			'model-apis@1',
			'docker@2',
			'model-apis@2'
		]);
		expect(path.reduce((sum, s) => sum + s.hours, 0)).toBe(1 + 1 + 2 + 1 + 2 + 2);
	});

	it('starts from the current levels', () => {
		const path = shortestLearningPath(
			small,
			{ id: 'kubernetes', level: 1 },
			new Map([['python', 3]])
		);
		expect(path.map((s) => `${s.id}@${s.level}`)).toEqual(['docker@1', 'docker@2', 'kubernetes@1']);
	});
});
