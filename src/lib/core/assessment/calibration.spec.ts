import { describe, expect, it } from 'vitest';
import type { EvidencedLevel } from '../mastery';
import { calibrate } from './calibration';

describe('calibrate', () => {
	it('flags a rating above what recall shows', () => {
		const note = calibrate(3, [
			{ level: 1, reviews: 10, recalled: 9 },
			{ level: 2, reviews: 9, recalled: 4 }
		]);
		expect(note).toMatchObject({ suggested: 1, reason: 'recall-low', level: 2, reviews: 9 });
		expect(note!.share).toBeCloseTo(4 / 9);
	});

	it('flags a rating below what recall shows', () => {
		const note = calibrate(1, [
			{ level: 2, reviews: 6, recalled: 6 },
			{ level: 3, reviews: 5, recalled: 5 },
			{ level: 4, reviews: 2, recalled: 2 }
		]);
		expect(note).toMatchObject({ suggested: 3, reason: 'recall-high' });
	});

	it('says nothing with too few reviews or when they agree', () => {
		expect(calibrate(3, [{ level: 2, reviews: 4, recalled: 0 }])).toBeNull();
		expect(calibrate(2, [{ level: 2, reviews: 10, recalled: 8 }])).toBeNull();
	});

	it('reports a faded memory when recall agrees but memory caps the level', () => {
		const evidence: EvidencedLevel = {
			selfRated: 2,
			current: 1,
			hasEvidence: true,
			levels: [
				{ level: 1, total: 2, studied: 2, meanRetrievability: 0.9, mastery: 0.9, met: true },
				{ level: 2, total: 2, studied: 1, meanRetrievability: 0.5, mastery: 0.1, met: false }
			]
		};
		expect(calibrate(2, [], evidence)).toMatchObject({
			suggested: 1,
			reason: 'memory-faded',
			level: 2,
			share: 0.5
		});
	});
});
