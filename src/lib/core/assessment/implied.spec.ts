import { describe, expect, it } from 'vitest';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { explicitLevels, impliedLevels, impliedToStore } from './implied';

const graph = smallGraph();

describe('impliedLevels', () => {
	it('implies the prerequisites a level needs, transitively, naming the rating behind it', () => {
		// kubernetes ≥ 1 needs docker 2; docker ≥ 2 needs python 2.
		expect(impliedLevels(graph, new Map([['kubernetes', 1]]))).toEqual(
			new Map([
				['docker', { level: 2, by: 'kubernetes' }],
				['python', { level: 2, by: 'kubernetes' }]
			])
		);
	});

	it('follows forLevel: a level below the edge implies nothing', () => {
		// docker needs python 2 only from docker level 2.
		expect(impliedLevels(graph, new Map([['docker', 1]]))).toEqual(new Map());
		expect(impliedLevels(graph, new Map([['docker', 2]])).get('python')).toEqual({
			level: 2,
			by: 'docker'
		});
	});

	it('implies nothing from "never heard of it"', () => {
		expect(impliedLevels(graph, new Map([['kubernetes', 0]]))).toEqual(new Map());
	});

	it('never implies a level for a skill the learner rated, nor through it', () => {
		const implied = impliedLevels(
			graph,
			new Map([
				['kubernetes', 2],
				['docker', 1]
			])
		);
		expect(implied.has('docker')).toBe(false);
		// Nor through it: docker's own rating (1) needs nothing of python.
		expect(implied.has('python')).toBe(false);
	});

	it('keeps the highest level several ratings imply', () => {
		const implied = impliedLevels(
			graph,
			new Map([
				['sklearn', 1],
				['pytorch', 2]
			])
		);
		expect(implied.get('python')).toEqual({ level: 2, by: 'pytorch' });
	});
});

describe('impliedToStore', () => {
	const implied = new Map([
		['python', { level: 2, by: 'pytorch' }],
		['docker', { level: 2, by: 'kubernetes' }],
		['sklearn', { level: 1, by: 'x' }]
	]);

	it('stores an implied level where nothing, or an older implied level, stands', () => {
		const latest = new Map([
			['docker', { level: 1, source: 'implied' }],
			['sklearn', { level: 1, source: 'implied' }]
		]);
		expect(impliedToStore(implied, latest)).toEqual([
			{ skillId: 'python', level: 2 },
			{ skillId: 'docker', level: 2 }
		]);
	});

	it('never overrides what the learner, a placement check or a plan step said', () => {
		const latest = new Map([
			['python', { level: 0, source: 'self' }],
			['docker', { level: 1, source: 'placement' }],
			['sklearn', { level: 0, source: 'plan' }]
		]);
		expect(impliedToStore(implied, latest)).toEqual([]);
	});
});

describe('explicitLevels', () => {
	it('drops implied ratings', () => {
		const latest = new Map([
			['python', { level: 2, source: 'implied' }],
			['docker', { level: 3, source: 'self' }]
		]);
		expect(explicitLevels(latest)).toEqual(new Map([['docker', 3]]));
	});
});
