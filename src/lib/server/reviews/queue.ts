// GET /api/queue: everything a phone needs to run today's session offline — the cards with
// their rendered HTML, what each rating would give, the card's FSRS state and the scheduler's
// settings (for intervals after ratings made offline), and the learner's day.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import {
	compileJsonRows,
	compileSelect,
	connOf,
	selectJsonRows,
	selectRows
} from '$lib/server/db/compiled';
import type { Database } from '$lib/server/db';
import { getDeckCard, getGraph } from '$lib/server/content';
import { renderCardHtml } from '$lib/server/cards/render';
import { buildQueue } from '$lib/core/queue';
import { retrievability } from '$lib/core/mastery';
import {
	catchUpBudget,
	dayKeyOf,
	dueForecast,
	learnerDay,
	newCardMemory,
	type CardMemory,
	type CatchUpPlan,
	type Workload
} from '$lib/core/scheduling';
import { memoryJson } from './json';
import { newCardsForToday } from './new-cards';
import { previewRatings, type RatingPreview } from './previews';
import { schedulerFor } from './scheduler';
import { getReviewSettings } from './settings';
import { memoryOf, scheduledCards } from './store';
import { currentStreak } from './stats';

export interface QueueCardJson {
	id: string;
	skillId: string;
	skillName: string;
	level: number;
	kind: 'qa' | 'cloze' | 'choice' | 'code' | 'failure';
	/** Sanitised HTML rendered on the server. */
	front: string;
	back: string;
	isNew: boolean;
	personal: boolean;
	/** Probability of recall now; null for a new card. */
	retrievability: number | null;
	lapses: number;
	/** Where to relearn the skill if a built-in card becomes a leech. */
	resourcesUrl?: string;
	/** The card's FSRS state (null for a new card), for scheduling offline with ts-fsrs. */
	state: ReturnType<typeof memoryJson> | null;
	previews: RatingPreview[];
}

export interface QueueJson {
	generatedAt: string;
	/** The learner's day: its date, bounds (ISO) and time zone. */
	day: string;
	dayStart: string;
	dayEnd: string;
	timezone: string;
	/** Reviews made today, and new cards started today of the daily limit. */
	doneToday: number;
	newToday: number;
	newLimit: number;
	streak: number;
	/** Reviews due tomorrow as things stand. */
	tomorrow: number;
	counts: { due: number; new: number; deferred: number };
	catchUp: CatchUpPlan | null;
	scheduler: {
		desiredRetention: number;
		maximumInterval: number;
		learningSteps: string[];
		relearningSteps: string[];
		w: number[];
		enableFuzz: true;
		/** The fuzz seed of a card's n-th review: `${cardId}:${n}`. */
		fuzzSeed: string;
	};
	cards: QueueCardJson[];
}

const HISTORY_DAYS = 30;

export async function getQueue(db: Database, userId: string, now: Date): Promise<QueueJson> {
	const settings = await getReviewSettings(db, userId);
	const scheduler = schedulerFor(settings);
	const { timezone, dayStartHour } = settings;
	const day = learnerDay(now, timezone, dayStartHour);

	// Today's due cards, through the (user_id, due) index, with only what ranks them by risk;
	// the full state is read below for the cards that make today's session.
	const due = (await dueList(db, userId, day.end))
		.filter((c) => !c.buriedUntil || c.buriedUntil.getTime() <= now.getTime())
		.map((c) => ({
			cardId: c.cardId,
			due: c.due,
			retrievability: retrievability(c, now, scheduler.w)
		}));
	const schedule = await scheduleOf(db, userId);

	const recent = await db
		.select({ reviewedAt: table.reviewLog.reviewedAt })
		.from(table.reviewLog)
		.where(
			and(
				eq(table.reviewLog.userId, userId),
				gte(table.reviewLog.reviewedAt, new Date(day.start.getTime() - HISTORY_DAYS * 86_400_000)),
				lt(table.reviewLog.reviewedAt, day.end)
			)
		);
	const today = recent.filter((r) => r.reviewedAt >= day.start).length;
	const activeDays = new Set(
		recent
			.filter((r) => r.reviewedAt < day.start)
			.map((r) => dayKeyOf(r.reviewedAt, timezone, dayStartHour))
	);
	const usual = activeDays.size ? (recent.length - today) / activeDays.size : 0;

	const fresh = await newCardsForToday(db, userId, now);
	const queue = buildQueue({
		due,
		newCardIds: fresh.cards.map((c) => c.id),
		newLimit: fresh.cards.length,
		budget: catchUpBudget(usual)
	});

	// Due counts per learner day, so the grade buttons show the load-balanced interval.
	const load = new Map<string, number>();
	for (const c of schedule) {
		const key = dayKeyOf(c.due, timezone, dayStartHour);
		load.set(key, (load.get(key) ?? 0) + 1);
	}
	const byId = await statesOf(
		db,
		userId,
		queue.entries.filter((e) => !e.isNew).map((e) => e.cardId)
	);
	const personal = await personalCards(
		db,
		userId,
		queue.entries.map((e) => e.cardId).filter((id) => id.startsWith('pc_'))
	);
	const graph = getGraph();
	const cards: QueueCardJson[] = [];
	for (const entry of queue.entries) {
		const own = personal.get(entry.cardId);
		const deck = own ? undefined : await getDeckCard(entry.cardId);
		const content = own ?? deck;
		if (!content) continue; // a card deleted since it was scheduled
		const state = byId.get(entry.cardId);
		const memory = state && state.state !== 0 ? state : null;
		const ownDay = memory ? dayKeyOf(memory.due, timezone, dayStartHour) : null;
		const workload: Workload = {
			timezone,
			dayStartHour,
			lightDays: settings.lightDays,
			dueOn: (key) => (load.get(key) ?? 0) - (key === ownDay ? 1 : 0)
		};
		cards.push({
			id: entry.cardId,
			skillId: content.skillId,
			skillName: graph.skillById.get(content.skillId)?.name ?? content.skillId,
			level: content.level,
			kind: content.kind,
			front: content.frontHtml,
			back: content.backHtml,
			isNew: entry.isNew,
			personal: Boolean(own),
			retrievability: entry.retrievability,
			lapses: memory?.lapses ?? 0,
			...(own ? {} : { resourcesUrl: `/skills/${encodeURIComponent(content.skillId)}` }),
			state: memory ? memoryJson(memory) : null,
			previews: previewRatings(scheduler, entry.cardId, memory, now, { dayEnd: day.end, workload })
		});
	}

	const forecast = dueForecast(
		schedule.map((c) => ({
			cardId: '',
			skillId: '',
			level: 0,
			suspended: false,
			buriedUntil: c.buriedUntil,
			memory: { ...newCardMemory(c.due), state: 2 as const }
		})),
		{ now, timezone, dayStartHour },
		2
	);
	return {
		generatedAt: now.toISOString(),
		day: day.key,
		dayStart: day.start.toISOString(),
		dayEnd: day.end.toISOString(),
		timezone,
		doneToday: today,
		newToday: fresh.startedToday,
		newLimit: fresh.limit,
		streak: await currentStreak(db, userId, now),
		tomorrow: forecast[1] ?? 0,
		counts: {
			due: queue.entries.filter((e) => !e.isNew).length,
			new: queue.entries.filter((e) => e.isNew).length,
			deferred: queue.deferred
		},
		catchUp: queue.catchUp,
		scheduler: {
			desiredRetention: settings.desiredRetention,
			maximumInterval: settings.maximumInterval,
			learningSteps: settings.learningSteps,
			relearningSteps: settings.relearningSteps,
			w: [...scheduler.w],
			enableFuzz: true,
			fuzzSeed: '${cardId}:${reviewNumber}'
		},
		cards
	};
}

// The two queries behind every queue: built once, and returned as one JSON value, because a
// learner's backlog is hundreds of rows (see compileJsonRows).
const dueSelect = compileJsonRows(
	{
		cardId: table.cardState.cardId,
		due: table.cardState.due,
		stability: table.cardState.stability,
		state: table.cardState.state,
		lastReview: table.cardState.lastReview,
		buriedUntil: table.cardState.buriedUntil
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.cardState)
			.where(and(scheduledCards(), lt(table.cardState.due, sql.placeholder('dayEnd'))))
);

const scheduleSelect = compileJsonRows(
	{ due: table.cardState.due, buriedUntil: table.cardState.buriedUntil },
	(b, fields) => b.select(fields).from(table.cardState).where(scheduledCards())
);

/** Studied, unsuspended cards due before `dayEnd` (overdue included): what ranks them. */
export function dueList(db: Database, userId: string, dayEnd: Date) {
	return selectJsonRows(connOf(db), dueSelect, { userId, dayEnd });
}

/** When each scheduled card is due (two narrow columns): the load per day and tomorrow. */
export function scheduleOf(db: Database, userId: string) {
	return selectJsonRows(connOf(db), scheduleSelect, { userId });
}

// The ids go in as one JSON array, so the statement is built once whatever their number
// (and SQLite's cap on bound variables never applies). Exact rows: these memories are sent on.
const statesSelect = compileSelect(
	{
		cardId: table.cardState.cardId,
		due: table.cardState.due,
		stability: table.cardState.stability,
		difficulty: table.cardState.difficulty,
		elapsedDays: table.cardState.elapsedDays,
		scheduledDays: table.cardState.scheduledDays,
		learningSteps: table.cardState.learningSteps,
		reps: table.cardState.reps,
		lapses: table.cardState.lapses,
		state: table.cardState.state,
		lastReview: table.cardState.lastReview
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.cardState)
			.where(
				and(
					eq(table.cardState.userId, sql.placeholder('userId')),
					sql`${table.cardState.cardId} in (select value from json_each(${sql.placeholder('ids')}))`
				)
			)
);

/** The full memory of the given cards, by id. */
async function statesOf(db: Database, userId: string, cardIds: string[]) {
	const states = new Map<string, CardMemory>();
	if (cardIds.length === 0) return states;
	const rows = await selectRows(connOf(db), statesSelect, { userId, ids: JSON.stringify(cardIds) });
	for (const row of rows) states.set(row.cardId, memoryOf(row));
	return states;
}

async function personalCards(db: Database, userId: string, ids: string[]) {
	const found = new Map<
		string,
		{ skillId: string; level: number; kind: 'qa'; frontHtml: string; backHtml: string }
	>();
	if (ids.length === 0) return found;
	const rows = await db
		.select()
		.from(table.personalCard)
		.where(and(eq(table.personalCard.userId, userId), inArray(table.personalCard.id, ids)));
	for (const row of rows) {
		found.set(row.id, {
			skillId: row.skillId,
			level: row.level,
			kind: 'qa',
			...(await renderCardHtml(row))
		});
	}
	return found;
}
