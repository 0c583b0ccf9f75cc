import { describe, expect, it } from 'vitest';
import { buildQueue, interleave, isDueToday, type ScheduledCard } from './queue';
import { newCardMemory } from './scheduling/scheduler';

const now = new Date('2025-03-20T12:00:00Z');
const dayEnd = new Date('2025-03-21T04:00:00Z');

function scheduled(due: string, extra: Partial<ScheduledCard> = {}): ScheduledCard {
	return {
		cardId: 'c',
		memory: { ...newCardMemory(now), state: 2, due: new Date(due) },
		suspended: false,
		buriedUntil: null,
		...extra
	};
}

describe('today’s queue', () => {
	it('takes cards due before the learner’s day ends, not suspended or buried, never new', () => {
		expect(isDueToday(scheduled('2025-03-21T03:59:00Z'), now, dayEnd)).toBe(true);
		expect(isDueToday(scheduled('2025-03-21T04:00:00Z'), now, dayEnd)).toBe(false);
		expect(isDueToday(scheduled('2025-03-01T00:00:00Z', { suspended: true }), now, dayEnd)).toBe(
			false
		);
		expect(
			isDueToday(scheduled('2025-03-01T00:00:00Z', { buriedUntil: dayEnd }), now, dayEnd)
		).toBe(false);
		expect(isDueToday(scheduled('2025-03-01T00:00:00Z', { buriedUntil: now }), now, dayEnd)).toBe(
			true
		);
		const fresh = scheduled('2025-03-01T00:00:00Z');
		expect(isDueToday({ ...fresh, memory: { ...fresh.memory, state: 0 } }, now, dayEnd)).toBe(
			false
		);
	});

	it('puts the most at-risk cards first and spreads new cards between them', () => {
		const due = [
			{ cardId: 'safe', retrievability: 0.95, due: now },
			{ cardId: 'risky', retrievability: 0.5, due: now },
			{ cardId: 'middle', retrievability: 0.8, due: now },
			{ cardId: 'middle2', retrievability: 0.8, due: new Date(now.getTime() - 1) }
		];
		const queue = buildQueue({ due, newCardIds: ['n1', 'n2', 'n3'], newLimit: 2, budget: 60 });
		expect(queue.entries.map((e) => e.cardId)).toEqual([
			'risky',
			'n1',
			'middle2',
			'middle',
			'n2',
			'safe'
		]);
		expect(queue.entries[1]).toEqual({ cardId: 'n1', isNew: true, retrievability: null });
		expect(queue).toMatchObject({ dueCount: 4, deferred: 0, catchUp: null });
	});

	it('interleaves evenly whatever the sizes', () => {
		expect(interleave([1, 2, 3, 4, 5, 6], ['a', 'b'] as never[])).toEqual([
			1,
			'a',
			2,
			3,
			4,
			'b',
			5,
			6
		]);
		expect(interleave([], ['a', 'b'])).toEqual(['a', 'b']);
		expect(interleave([1, 2], [])).toEqual([1, 2]);
	});

	it('holds back a backlog behind a catch-up plan, most at risk today', () => {
		const due = Array.from({ length: 150 }, (_, i) => ({
			cardId: `c${i}`,
			retrievability: 1 - i / 200,
			due: now
		}));
		const queue = buildQueue({ due, newCardIds: ['n1'], newLimit: 10, budget: 60 });
		expect(queue.catchUp).toEqual({ backlog: 150, perDay: [50, 50, 50] });
		expect(queue.entries).toHaveLength(50);
		expect(queue.entries[0]?.cardId).toBe('c149');
		expect(queue.entries.some((e) => e.isNew)).toBe(false);
		expect(queue.deferred).toBe(100);
	});
});
