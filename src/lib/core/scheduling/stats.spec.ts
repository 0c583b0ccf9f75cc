// Every expected number here was worked out by hand from the fixed log below (UTC, the day
// rolling over at 04:00, "now" = 20 March 2025 12:00).
import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_SETTINGS } from './settings';
import {
	DAY_MS,
	Scheduler,
	newCardMemory,
	type CardMemory,
	type CardStateCode,
	type Rating
} from './scheduler';
import {
	daysWithWork,
	dueForecast,
	masteryBySkill,
	reviewsPerDay,
	streak,
	trueRetention,
	type Clock,
	type StatsCard,
	type StatsReview
} from './stats';

const clock: Clock = { now: new Date('2025-03-20T12:00:00Z'), timezone: 'UTC', dayStartHour: 4 };
const d = (iso: string) => new Date(iso);

function rv(
	cardId: string,
	rating: Rating,
	at: string,
	stateBefore: CardStateCode,
	due: string
): StatsReview {
	return { cardId, rating, reviewedAt: d(at), stateBefore, dueAfter: d(due) };
}

const log: StatsReview[] = [
	rv('D', 3, '2025-03-09T10:00:00Z', 0, '2025-03-09T10:10:00Z'),
	rv('A', 3, '2025-03-10T10:00:00Z', 0, '2025-03-10T10:10:00Z'),
	rv('A', 3, '2025-03-10T10:15:00Z', 1, '2025-03-12T10:15:00Z'),
	rv('B', 4, '2025-03-11T10:00:00Z', 0, '2025-03-14T10:00:00Z'),
	rv('A', 3, '2025-03-12T09:00:00Z', 2, '2025-03-18T09:00:00Z'),
	rv('B', 3, '2025-03-16T10:00:00Z', 2, '2025-03-25T10:00:00Z'), // two days overdue
	rv('A', 1, '2025-03-18T20:00:00Z', 2, '2025-03-18T20:10:00Z'),
	rv('A', 3, '2025-03-19T02:00:00Z', 3, '2025-03-21T02:00:00Z'), // 02:00 still counts for the 18th
	rv('C', 2, '2025-03-20T08:00:00Z', 0, '2025-03-20T08:06:00Z')
];

function card(
	cardId: string,
	due: string | null,
	extra: Partial<StatsCard> = {},
	state: CardStateCode = 2
): StatsCard {
	const memory: CardMemory | null = due
		? { ...newCardMemory(d(due)), state, due: d(due), lastReview: d(due) }
		: null;
	return { cardId, skillId: 's', level: 1, memory, suspended: false, buriedUntil: null, ...extra };
}

const cards: StatsCard[] = [
	card('A', '2025-03-21T02:00:00Z'),
	card('B', '2025-03-25T10:00:00Z'),
	card('C', '2025-03-20T08:06:00Z', {}, 1),
	// Suspended after its first review: its old due date makes no work.
	card('D', '2025-03-09T10:10:00Z', { suspended: true }, 1),
	// Due today but buried until tomorrow's rollover.
	card('E', '2025-03-20T10:00:00Z', { buriedUntil: d('2025-03-21T04:00:00Z') }),
	card('F', null),
	card('G', '2025-04-30T10:00:00Z')
];

describe('stats on a fixed log', () => {
	it('counts reviews per learner day for the heatmap', () => {
		expect(Object.fromEntries(reviewsPerDay(log, clock))).toEqual({
			'2025-03-09': 1,
			'2025-03-10': 2,
			'2025-03-11': 1,
			'2025-03-12': 1,
			'2025-03-16': 1,
			'2025-03-18': 2,
			'2025-03-20': 1
		});
	});

	it('knows which days had something due', () => {
		const work = [...daysWithWork(log, cards, clock)].sort();
		// A 10th, 12th, 18th, then due again on the 20th (02:00 on the 21st); B 14th–16th;
		// C and E today. D is suspended, so its only due date counts for nothing.
		expect(work).toEqual([
			'2025-03-10',
			'2025-03-12',
			'2025-03-14',
			'2025-03-15',
			'2025-03-16',
			'2025-03-18',
			'2025-03-20'
		]);
	});

	it('keeps the streak over days with nothing due and breaks it on a missed due day', () => {
		const reviewDays = new Set(reviewsPerDay(log, clock).keys());
		const work = daysWithWork(log, cards, clock);
		// 9–12 March: 4 days (the 13th had nothing due); the 14th and 15th were missed;
		// 16th, 18th, 20th: 3 days, the 17th and 19th had nothing due.
		expect(streak(reviewDays, work, '2025-03-20')).toEqual({ current: 3, longest: 4 });
	});

	it('does not break the streak on a today not yet reviewed', () => {
		const reviewDays = new Set(['2025-03-19']);
		expect(streak(reviewDays, new Set(['2025-03-20']), '2025-03-20')).toEqual({
			current: 1,
			longest: 1
		});
		expect(streak(new Set(), new Set(), '2025-03-20')).toEqual({ current: 0, longest: 0 });
	});

	it('computes true retention over review-state reviews only', () => {
		// A on the 12th (Good), B on the 16th (Good), A on the 18th (Again): 2 of 3.
		const retention = trueRetention(log, clock);
		expect(retention.reviews).toBe(3);
		expect(retention.passed).toBe(2);
		expect(retention.retention).toBeCloseTo(2 / 3, 10);
		expect(trueRetention(log, { ...clock, now: d('2025-05-01T12:00:00Z') }).retention).toBeNull();
	});

	it('forecasts due cards for the next 30 days', () => {
		const forecast = dueForecast(cards, clock);
		expect(forecast).toHaveLength(30);
		// Today: A (02:00 on the 21st) and C; tomorrow: buried E; B on the 25th; G beyond 30 days.
		const expected = new Array(30).fill(0);
		expected[0] = 2;
		expected[1] = 1;
		expected[5] = 1;
		expect(forecast).toEqual(expected);
	});

	it('gives mastery per skill over every card of the levels reached, proven over days', () => {
		const w = new Scheduler(DEFAULT_REVIEW_SETTINGS).w;
		const now = clock.now;
		const reviewed = (stability: number, daysAgo: number): CardMemory => ({
			...newCardMemory(now),
			state: 2,
			stability,
			lastReview: new Date(now.getTime() - daysAgo * DAY_MS)
		});
		const skill: StatsCard[] = [
			{
				cardId: '1',
				skillId: 'x',
				level: 1,
				memory: reviewed(10, 10),
				suspended: false,
				buriedUntil: null
			}, // R 0.9
			{
				cardId: '2',
				skillId: 'x',
				level: 1,
				memory: reviewed(5, 0),
				suspended: false,
				buriedUntil: null
			}, // R 1
			{
				cardId: '3',
				skillId: 'x',
				level: 2,
				memory: reviewed(4, 4),
				suspended: false,
				buriedUntil: null
			}, // R 0.9
			{ cardId: '4', skillId: 'x', level: 1, memory: null, suspended: false, buriedUntil: null }
		];
		// Card 1 was first seen 40 days ago (10 days proven: its stability), card 2 today (none),
		// card 3 30 days ago (4 days proven); card 4 never.
		const first = new Map([
			['1', new Date(now.getTime() - 40 * DAY_MS)],
			['2', now],
			['3', new Date(now.getTime() - 30 * DAY_MS)]
		]);
		const [atLevel1] = masteryBySkill(skill, w, now, new Map([['x', 1]]), first);
		expect(atLevel1).toMatchObject({ skillId: 'x', level: 1, reviewed: 2, cards: 3 });
		expect(atLevel1?.mastery).toBeCloseTo((0.9 * (10 / 21)) / 3, 6);
		const [inferred] = masteryBySkill(skill, w, now, undefined, first);
		expect(inferred).toMatchObject({ level: 2, reviewed: 3, cards: 4 });
		expect(inferred?.mastery).toBeCloseTo((0.9 * (10 / 21) + 0.9 * (4 / 21)) / 4, 6);
		// Without first reviews nothing is proven: studied minutes ago is not mastered.
		expect(masteryBySkill(skill, w, now)[0]?.mastery).toBe(0);
	});
});
