import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './journal';
import { reconcile } from './reconcile';
import type { QueueCard, QueueData } from './types';

const card = (id: string): QueueCard => ({
	id,
	skillId: 'docker',
	front: `<p>${id}?</p>`,
	back: `<p>${id}.</p>`,
	isNew: false,
	personal: false,
	previews: []
});

const GENERATED = Date.parse('2025-03-10T08:00:00Z');
const queue: QueueData = {
	cards: [card('a'), card('b'), card('c'), card('d')],
	generatedAt: new Date(GENERATED).toISOString(),
	doneToday: 5
};

function review(cardId: string, state: 'pending' | 'synced', minutes: number): JournalEntry {
	const at = GENERATED + minutes * 60_000;
	return {
		id: `r-${cardId}-${minutes}`,
		user: 'ada',
		state,
		kind: 'review',
		cardId,
		rating: 3,
		reviewedAt: new Date(at).toISOString(),
		durationMs: 1000,
		createdAt: at
	};
}

describe('reconcile', () => {
	it('keeps a fresh queue as it is when the device has nothing new', () => {
		expect(reconcile(queue, [])).toEqual({ cards: queue.cards, done: 5 });
	});

	it('drops cards rated offline and counts them as done', () => {
		const result = reconcile(queue, [review('b', 'pending', -60), review('c', 'pending', 10)]);
		expect(result.cards.map((c) => c.id)).toEqual(['a', 'd']);
		expect(result.done).toBe(7);
	});

	it('drops cards synced after a stale cached queue was made, counting them once', () => {
		const result = reconcile(queue, [review('a', 'synced', 30)]);
		expect(result.cards.map((c) => c.id)).toEqual(['b', 'c', 'd']);
		expect(result.done).toBe(6);
	});

	it('trusts the queue about reviews it already knew (a card due again stays)', () => {
		const result = reconcile(queue, [review('a', 'synced', -60)]);
		expect(result.cards.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(result.done).toBe(5);
	});

	it('does not count a synced review twice when the queue already left its card out', () => {
		const result = reconcile({ ...queue, cards: [card('b')] }, [review('a', 'synced', 1)]);
		expect(result).toEqual({ cards: [card('b')], done: 5 });
	});

	it('drops buried and suspended cards, and ignores undo entries', () => {
		const bury: JournalEntry = { ...review('d', 'pending', 5), kind: 'bury' } as JournalEntry;
		const undo: JournalEntry = {
			id: 'u1',
			user: 'ada',
			state: 'pending',
			kind: 'undo',
			cardId: 'a',
			reviewId: 'r-a-1',
			createdAt: GENERATED + 120_000
		};
		const result = reconcile(queue, [bury, undo]);
		expect(result.cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
		expect(result.done).toBe(5);
	});
});
