import { describe, expect, it } from 'vitest';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import type { TargetSkill } from '../types';
import { nextToRate, ratingOrder, ratingProgress } from './rating-queue';

const graph = smallGraph();
const skill = (id: string, targetLevel: number, importance: 'must' | 'nice'): TargetSkill => ({
	id,
	targetLevel,
	importance,
	weight: importance === 'must' ? 1 : 0.5
});

describe('ratingOrder', () => {
	it('asks musts, then nice-to-haves, then prerequisites the target only pulls in', () => {
		const order = ratingOrder(graph, [skill('ci-cd', 2, 'nice'), skill('kubernetes', 2, 'must')]);
		expect(order.map((i) => [i.id, i.group])).toEqual([
			['kubernetes', 'must'],
			['ci-cd', 'nice'],
			// python unlocks docker and kubernetes; docker only kubernetes.
			['python', 'prerequisite'],
			['docker', 'prerequisite']
		]);
	});

	it('asks first the skills that unlock most of the target, counting indirect needs', () => {
		const order = ratingOrder(graph, [
			skill('kubernetes', 2, 'must'),
			skill('docker', 2, 'must'),
			skill('python', 2, 'must'),
			skill('ci-cd', 2, 'must')
		]);
		expect(order.map((i) => [i.id, i.unlocks])).toEqual([
			['python', 2],
			['docker', 1],
			['ci-cd', 0],
			['kubernetes', 0]
		]);
	});

	it('asks the prerequisites a target pulls in after it, the most unlocking first', () => {
		const order = ratingOrder(graph, [skill('kubernetes', 2, 'must')]).map((i) => i.id);
		// python unlocks two (docker, kubernetes), docker one.
		expect(order).toEqual(['kubernetes', 'python', 'docker']);
	});

	it('keeps must for a skill listed twice, and the level the closure asks', () => {
		const order = ratingOrder(graph, [
			skill('python', 1, 'nice'),
			skill('python', 3, 'must'),
			skill('pytorch', 2, 'must')
		]);
		expect(order.find((i) => i.id === 'python')).toMatchObject({ group: 'must', target: 3 });
	});
});

describe('progress and the next skill', () => {
	const order = ratingOrder(graph, [
		skill('kubernetes', 2, 'must'),
		skill('pytorch', 2, 'must'),
		skill('ci-cd', 2, 'nice')
	]);
	const none = new Set<string>();

	it('is usable once the skills with a level carry two thirds of what readiness weighs', () => {
		expect(ratingProgress(order, none, none)).toMatchObject({
			total: 5,
			rated: 0,
			unrated: 5,
			mustsLeft: 2,
			usable: false
		});
		const progress = ratingProgress(order, new Set(['kubernetes']), new Set(['pytorch', 'docker']));
		// Weight × target: kubernetes 2, pytorch 2, ci-cd 1, docker 1, python 1.
		expect(progress).toEqual({
			total: 5,
			rated: 1,
			implied: 2,
			unrated: 2,
			mustsLeft: 0,
			covered: 5 / 7,
			usable: true
		});
		const short = ratingProgress(order, new Set(['kubernetes']), new Set(['docker', 'python']));
		expect(short).toMatchObject({ covered: 4 / 7, mustsLeft: 1, usable: false });
	});

	it('skips what is rated, implied or skipped in this sitting', () => {
		expect(nextToRate(order, none, none, none)?.id).toBe(order[0]!.id);
		const all = new Set(order.map((i) => i.id));
		expect(nextToRate(order, all, none, none)).toBeNull();
		const next = nextToRate(
			order,
			new Set(['kubernetes']),
			new Set(['pytorch']),
			new Set(['ci-cd'])
		);
		expect(next?.group).toBe('prerequisite');
	});
});
