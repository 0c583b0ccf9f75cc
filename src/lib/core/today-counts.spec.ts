import { describe, expect, it } from 'vitest';
import {
	currentDay,
	LEARN_AHEAD_MS,
	placement,
	streakWith,
	todayCounts,
	type CountedCard,
	type CountedQueue,
	type DeviceAction
} from './today-counts';

const NOW = Date.parse('2025-03-20T13:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const DAY = {
	dayStart: '2025-03-20T04:00:00.000Z',
	dayEnd: '2025-03-21T04:00:00.000Z',
	tomorrowEnd: '2025-03-22T04:00:00.000Z'
};

/** A card whose ratings give: Again 1 min, Hard 40 min, Good tomorrow, Easy in a week. */
function card(id: string, due: number | null = -60): CountedCard {
	return {
		id,
		isNew: due === null,
		due: due === null ? null : at(due),
		previews: [
			{ rating: 1, due: at(1), next: [{ rating: 3, due: at(24 * 60) }] },
			{ rating: 2, due: at(40), next: [] },
			{ rating: 3, due: at(20 * 60) },
			{ rating: 4, due: at(7 * 24 * 60) }
		]
	};
}

function queue(cards: CountedCard[], extra: Partial<CountedQueue> = {}): CountedQueue {
	return {
		generatedAt: at(-1),
		...DAY,
		doneToday: 24,
		streak: 3,
		tomorrow: 5,
		reviewIds: [],
		cards,
		...extra
	};
}

function review(
	id: string,
	cardId: string,
	rating: number,
	state: 'pending' | 'synced',
	minutes = 0
): DeviceAction {
	const made = at(minutes);
	return {
		kind: 'review',
		id,
		cardId,
		rating,
		reviewedAt: made,
		state,
		createdAt: Date.parse(made)
	};
}

const ids = (cards: CountedCard[]) => cards.map((c) => c.id);

describe('todayCounts', () => {
	it('splits a fresh queue into cards for now and cards later today, soonest first', () => {
		const q = queue([card('a'), card('n', null), card('b', 90), card('c', 30), card('d', 10)], {
			deferred: 7
		});
		const counts = todayCounts(q, [], NOW);
		expect(ids(counts.now)).toEqual(['a', 'n', 'd']);
		expect(ids(counts.later)).toEqual(['c', 'b']);
		expect(counts).toMatchObject({
			nextAt: at(30),
			done: 24,
			due: 2,
			fresh: 1,
			dueToday: 2 + 2 + 7,
			streak: 3,
			tomorrow: 5
		});
	});

	it('counts reviews the server already has once, and keeps their cards due later today', () => {
		// The report: 24 reviews on the server, 4 of them sent cards back later today; the device
		// still remembers the 4 as synced. The queue knows them by id.
		const q = queue([card('a', 30), card('b', 30), card('c', 45), card('d', 50)], {
			reviewIds: ['r1', 'r2', 'r3', 'r4']
		});
		const synced = ['a', 'b', 'c', 'd'].map((c, i) => review(`r${i + 1}`, c, 2, 'synced', -2));
		const counts = todayCounts(q, synced, NOW);
		expect(counts).toMatchObject({ done: 24, due: 0, nextAt: at(30) });
		expect(ids(counts.later)).toEqual(['a', 'b', 'c', 'd']);
	});

	it('adds what waits on the device once: its cards leave, come back now or later', () => {
		const q = queue([card('a'), card('b'), card('c'), card('d'), card('e')]);
		const counts = todayCounts(
			q,
			[
				review('p1', 'a', 1, 'pending'), // Again: back in a minute
				review('p2', 'b', 2, 'pending'), // Hard: back in 40 minutes
				review('p3', 'c', 3, 'pending'), // Good: tomorrow
				review('p4', 'd', 4, 'synced') // synced after this queue was made
			],
			NOW
		);
		expect(counts.done).toBe(28);
		expect(ids(counts.now)).toEqual(['e', 'a']);
		expect(counts.now[1]).toMatchObject({ isNew: false, due: at(1), previews: [{ rating: 3 }] });
		expect(ids(counts.later)).toEqual(['b']);
		expect(counts.tomorrow).toBe(6);
		expect(counts.dueToday).toBe(3);
	});

	it('follows a card through several ratings on the device, by the previews it was shown', () => {
		const q = queue([card('a')]);
		const counts = todayCounts(
			q,
			[review('p2', 'a', 3, 'pending', 1), review('p1', 'a', 1, 'pending', 0)],
			NOW
		);
		// Again (back in a minute), then Good on the card shown again: due tomorrow.
		expect(counts).toMatchObject({ done: 26, now: [], later: [], tomorrow: 6 });
	});

	it('uses the due date stored with a rating over the previews', () => {
		const rated = { ...review('p1', 'a', 4, 'pending'), due: at(25) } as DeviceAction;
		const counts = todayCounts(queue([card('a')]), [rated], NOW);
		expect(counts.later.map((c) => c.due)).toEqual([at(25)]);
	});

	it('never counts twice a waiting review the server stored (an answer lost on the way)', () => {
		const q = queue([card('b')], { reviewIds: ['p1'] });
		const counts = todayCounts(q, [review('p1', 'a', 3, 'pending')], NOW);
		expect(counts).toMatchObject({ done: 24, tomorrow: 5 });
		expect(ids(counts.now)).toEqual(['b']);
	});

	it('takes back a synced review undone on the device; an undone waiting review was never counted', () => {
		const q = queue([card('b')], { reviewIds: ['r1'] });
		const undo = (id: string, reviewId: string): DeviceAction => ({
			kind: 'undo',
			id,
			cardId: 'a',
			reviewId,
			reviewedAt: at(-5),
			state: 'pending',
			createdAt: NOW
		});
		expect(todayCounts(q, [undo('u1', 'r1')], NOW).done).toBe(23);
		expect(todayCounts(q, [undo('u2', 'gone')], NOW).done).toBe(24);
	});

	it('counts only today’s reviews as done today', () => {
		const counts = todayCounts(queue([card('a')]), [review('p1', 'a', 4, 'pending', -600)], NOW);
		expect(counts.done).toBe(24);
		expect(counts.now).toEqual([]);
	});

	it('leaves out cards buried or suspended on the device, unless the queue came after', () => {
		const aside = (id: string, cardId: string, state: 'pending' | 'synced', minutes: number) =>
			({ kind: 'bury', id, cardId, state, createdAt: NOW + minutes * 60_000 }) as DeviceAction;
		const q = queue([card('a'), card('b'), card('c')]);
		const counts = todayCounts(
			q,
			[
				aside('x', 'a', 'pending', -30),
				aside('y', 'b', 'synced', 0),
				aside('z', 'c', 'synced', -90)
			],
			NOW
		);
		expect(ids(counts.now)).toEqual(['c']);
		expect(counts.done).toBe(24);
	});

	it('reads a queue saved before queues listed review ids by its time', () => {
		const q = queue([card('a'), card('b')], { reviewIds: undefined });
		const counts = todayCounts(
			q,
			[review('s1', 'a', 4, 'synced', -30), review('s2', 'b', 4, 'synced', 0)],
			NOW
		);
		expect(ids(counts.now)).toEqual(['a']);
		expect(counts.done).toBe(25);
	});
});

describe('a queue opened after its day is over (offline, the morning after)', () => {
	const HOUR = 3600_000;
	const nextMorning = Date.parse(DAY.dayEnd) + 4 * HOUR;
	it('counts in the new day: nothing done yet, the saved cards all due, the streak kept', () => {
		const counts = todayCounts(queue([card('a'), card('b', 18 * 60)]), [], nextMorning);
		expect(counts.done).toBe(0);
		expect(ids(counts.now)).toEqual(['a', 'b']);
		expect(counts.streak).toBe(3);
		expect(counts.tomorrow).toBeUndefined();
	});

	it('adds the ratings made that morning, and not those of the day before', () => {
		const yesterday = { ...review('y', 'a', 3, 'pending'), reviewedAt: at(-60) };
		const today = {
			...review('t', 'b', 3, 'pending'),
			reviewedAt: new Date(nextMorning - HOUR).toISOString()
		};
		const counts = todayCounts(queue([card('a'), card('b')]), [yesterday, today], nextMorning);
		expect(counts.done).toBe(1);
		expect(counts.streak).toBe(4);
	});

	it('days later: the day the learner is in, and no streak it cannot know', () => {
		const later = Date.parse(DAY.tomorrowEnd) + 30 * HOUR;
		const day = currentDay(queue([]), later);
		expect([day.dayStart, day.dayEnd]).toEqual([
			'2025-03-23T04:00:00.000Z',
			'2025-03-24T04:00:00.000Z'
		]);
		expect(day.streak).toBeUndefined();
		expect(currentDay(queue([]), NOW)).toEqual(queue([]));
	});
});

describe('streakWith', () => {
	it('adds today once a review is made, and only once', () => {
		expect(streakWith({ streak: 0, doneToday: 0 }, 20)).toBe(1);
		expect(streakWith({ streak: 4, doneToday: 0 }, 0)).toBe(4);
		expect(streakWith({ streak: 5, doneToday: 3 }, 4)).toBe(5);
		// Every review of today undone: today no longer counts.
		expect(streakWith({ streak: 5, doneToday: 3 }, 0)).toBe(4);
		expect(streakWith({ doneToday: 3 }, 4)).toBeUndefined();
	});
});

describe('placement', () => {
	it('shows a card due within the learn-ahead now, later today after it, then tomorrow', () => {
		expect(placement(NOW + LEARN_AHEAD_MS, NOW, DAY)).toBe('now');
		expect(placement(NOW + LEARN_AHEAD_MS + 1, NOW, DAY)).toBe('later');
		expect(placement(Date.parse(DAY.dayEnd), NOW, DAY)).toBe('tomorrow');
		expect(placement(Date.parse(DAY.tomorrowEnd), NOW, DAY)).toBe('gone');
		// Without the day's bounds (an old queue): the rest of a day is later, never tomorrow.
		expect(placement(NOW + 3600_000, NOW, {})).toBe('later');
		expect(placement(NOW + 86_400_000, NOW, {})).toBe('gone');
	});
});
