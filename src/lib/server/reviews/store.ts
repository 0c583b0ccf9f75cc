// The database side of one card's schedule: its log, its state row, and the learner's
// workload around a due window. Every query is scoped by the learner's id.
import { and, asc, eq, getTableColumns, gte, lt, ne, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as table from '$lib/server/db/schema';
import {
	compileJsonRows,
	compileRun,
	compileSelect,
	connOf,
	placeholdersFor,
	run,
	selectJsonRows,
	selectRows
} from '$lib/server/db/compiled';
import {
	DAY_MS,
	balancedPick,
	dayKeyOf,
	settleDue,
	withDueDays,
	type CardMemory,
	type Outcome,
	type CardStateCode,
	type FuzzWindow,
	type Rating,
	type ReviewSettings,
	type StoredReview,
	type Workload
} from '$lib/core/scheduling';
import type { Queryable } from './db';

export type CardStateRow = typeof table.cardState.$inferSelect;

/**
 * Compiled-statement conditions, with the placeholders every caller fills: one learner's card
 * in a table keyed by (user_id, card_id), and a learner's studied, unsuspended cards.
 */
export function oneCard(t: { userId: SQLiteColumn; cardId: SQLiteColumn }) {
	return and(eq(t.userId, sql.placeholder('userId')), eq(t.cardId, sql.placeholder('cardId')));
}

export function scheduledCards() {
	return and(
		eq(table.cardState.userId, sql.placeholder('userId')),
		ne(table.cardState.state, 0),
		eq(table.cardState.suspended, false)
	);
}

const cardLogSelect = compileSelect(
	{
		id: table.reviewLog.id,
		cardId: table.reviewLog.cardId,
		rating: table.reviewLog.rating,
		reviewedAt: table.reviewLog.reviewedAt,
		dueAfter: table.reviewLog.dueAfter
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.reviewLog)
			.where(oneCard(table.reviewLog))
			.orderBy(asc(table.reviewLog.reviewedAt), asc(table.reviewLog.id))
);

export async function loadCardLog(
	db: Queryable,
	userId: string,
	cardId: string
): Promise<StoredReview[]> {
	const rows = await selectRows(connOf(db), cardLogSelect, { userId, cardId });
	return rows.map((r) => ({ ...r, rating: r.rating as Rating }));
}

const stateSelect = compileSelect(getTableColumns(table.cardState), (b, fields) =>
	b.select(fields).from(table.cardState).where(oneCard(table.cardState))
);

export async function loadState(
	db: Queryable,
	userId: string,
	cardId: string
): Promise<CardStateRow | undefined> {
	const [row] = await selectRows(connOf(db), stateSelect, { userId, cardId });
	return row;
}

type MemoryRow = Pick<
	CardStateRow,
	| 'due'
	| 'stability'
	| 'difficulty'
	| 'elapsedDays'
	| 'scheduledDays'
	| 'learningSteps'
	| 'reps'
	| 'lapses'
	| 'state'
	| 'lastReview'
>;

export function memoryOf(row: MemoryRow): CardMemory {
	return {
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		elapsedDays: row.elapsedDays,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state as CardStateCode,
		lastReview: row.lastReview
	};
}

export function memoryColumns(memory: CardMemory) {
	return {
		due: memory.due,
		stability: memory.stability,
		difficulty: memory.difficulty,
		elapsedDays: memory.elapsedDays,
		scheduledDays: memory.scheduledDays,
		learningSteps: memory.learningSteps,
		reps: memory.reps,
		lapses: memory.lapses,
		state: memory.state,
		lastReview: memory.lastReview
	};
}

// One JSON value rather than a row per card: a learner's busy week is hundreds of rows, and the
// embedded driver builds each row cell by cell (compileJsonRows).
const workloadSelect = compileJsonRows({ due: table.cardState.due }, (b, fields) =>
	b
		.select(fields)
		.from(table.cardState)
		.where(
			and(
				eq(table.cardState.userId, sql.placeholder('userId')),
				ne(table.cardState.cardId, sql.placeholder('cardId')),
				eq(table.cardState.suspended, false),
				ne(table.cardState.state, 0),
				gte(table.cardState.due, sql.placeholder('from')),
				lt(table.cardState.due, sql.placeholder('to'))
			)
		)
);

/** The learner's due cards per day from `minDays` to `maxDays` after the review, not `cardId`. */
async function loadBetween(
	db: Queryable,
	userId: string,
	cardId: string,
	{ reviewedAt, minDays, maxDays }: Pick<FuzzWindow, 'reviewedAt' | 'minDays' | 'maxDays'>,
	settings: ReviewSettings
): Promise<Workload> {
	// A day either side covers the learner's day boundaries.
	const from = new Date(reviewedAt.getTime() + (minDays - 1) * DAY_MS);
	const to = new Date(reviewedAt.getTime() + (maxDays + 2) * DAY_MS);
	const rows = await selectJsonRows(connOf(db), workloadSelect, { userId, cardId, from, to });
	const counts = new Map<string, number>();
	for (const { due } of rows) {
		const day = dayKeyOf(due, settings.timezone, settings.dayStartHour);
		counts.set(day, (counts.get(day) ?? 0) + 1);
	}
	return workloadOf(settings, counts);
}

function workloadOf(settings: ReviewSettings, counts: ReadonlyMap<string, number>): Workload {
	return {
		timezone: settings.timezone,
		dayStartHour: settings.dayStartHour,
		lightDays: settings.lightDays,
		dueOn: (day) => counts.get(day) ?? 0
	};
}

/**
 * The learner's due cards per day around a fuzz window, not counting `cardId` itself.
 * Days outside the window count as empty: only the window's days are ever asked for.
 */
export async function workloadAround(
	db: Queryable,
	userId: string,
	cardId: string,
	window: FuzzWindow | null,
	settings: ReviewSettings
): Promise<Workload> {
	if (window) return loadBetween(db, userId, cardId, window, settings);
	return workloadOf(settings, new Map());
}

/** Days either side of the fuzz pick whose load is read first. */
const NEAR_DAYS = 3;

/**
 * The rating's memory with its due date balanced against the learner's load (settleDue). The
 * balancer settles on the first empty day from the fuzz pick outwards, and a window near the
 * maximum interval spans years and the learner's whole deck: the days near the pick are read
 * first, and the whole window only when none of them is empty — the same day either way.
 */
export async function settledAgainstLoad(
	db: Queryable,
	userId: string,
	cardId: string,
	outcome: Outcome,
	settings: ReviewSettings
): Promise<CardMemory> {
	const { window } = outcome;
	if (!window) return outcome.memory;
	const near = {
		reviewedAt: window.reviewedAt,
		minDays: Math.max(window.minDays, window.fuzzedDays - NEAR_DAYS),
		maxDays: Math.min(window.maxDays, window.fuzzedDays + NEAR_DAYS)
	};
	// Days the near read does not cover count as empty here, so only a pick among the near
	// days, and an empty one, is what the whole window would give.
	const pick = balancedPick(window, await loadBetween(db, userId, cardId, near, settings));
	if (pick.load === 0 && pick.days >= near.minDays && pick.days <= near.maxDays)
		return withDueDays(outcome.memory, window, pick.days);
	return settleDue(outcome, await loadBetween(db, userId, cardId, window, settings));
}

const baseSelect = compileSelect(getTableColumns(table.cardBase), (b, fields) =>
	b.select(fields).from(table.cardBase).where(oneCard(table.cardBase))
);

/** The card's memory before its first logged review, when it did not start new. */
export async function loadBase(
	db: Queryable,
	userId: string,
	cardId: string
): Promise<CardMemory | null> {
	const [row] = await selectRows(connOf(db), baseSelect, { userId, cardId });
	return row ? memoryOf(row) : null;
}

const anyLogSelect = compileSelect({ id: table.reviewLog.id }, (b, fields) =>
	b.select(fields).from(table.reviewLog).where(oneCard(table.reviewLog)).limit(1)
);

const baseInsert = compileRun((b) =>
	b.insert(table.cardBase).values(placeholdersFor(table.cardBase)).onConflictDoNothing()
);

/**
 * A card with a studied state but no log was seeded (placement check): before its first
 * logged review, keep that state as the base every replay starts from.
 * @param hasLog whether the card has logged reviews, when the caller already knows
 */
export async function captureBase(
	db: Queryable,
	userId: string,
	cardId: string,
	now: Date,
	state: CardStateRow | undefined,
	hasLog?: boolean
) {
	if (!state || state.state === 0) return;
	const conn = connOf(db);
	const logged = hasLog ?? (await selectRows(conn, anyLogSelect, { userId, cardId })).length > 0;
	if (logged) return;
	await run(conn, baseInsert, {
		userId,
		cardId,
		...memoryColumns(memoryOf(state)),
		capturedAt: now
	});
}
