import { describe, expect, it } from 'vitest';
import { trainingItems } from './training';
import type { LoggedReview } from './replay';

const r = (id: string, cardId: string, rating: 1 | 2 | 3 | 4, iso: string): LoggedReview => ({
	id,
	cardId,
	rating,
	reviewedAt: new Date(iso)
});

describe('optimiser training items', () => {
	it('holds each card’s history up to each later-day review, first delta 0', () => {
		const log = [
			r('3', 'a', 3, '2025-03-03T10:00:00Z'),
			r('1', 'a', 1, '2025-03-01T10:00:00Z'),
			r('2', 'a', 3, '2025-03-01T10:10:00Z'),
			r('4', 'a', 3, '2025-03-10T02:00:00Z'), // before 04:00: still 9 March
			r('5', 'b', 4, '2025-03-02T10:00:00Z')
		];
		expect(trainingItems(log, 'UTC', 4)).toEqual([
			[
				{ rating: 1, deltaT: 0 },
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 2 }
			],
			[
				{ rating: 1, deltaT: 0 },
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 2 },
				{ rating: 3, deltaT: 6 }
			]
		]);
	});
});
