// The reads behind a queue, compiled once: today's due cards, the schedule per day, the full
// memories of the session's cards and the learner's own cards among them.
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import {
	compileJsonRows,
	compileSelect,
	connOf,
	selectJsonRows,
	selectRows
} from '$lib/server/db/compiled';
import type { Database } from '$lib/server/db';
import { renderCardHtml } from '$lib/server/cards/render';
import type { CardMemory } from '$lib/core/scheduling';
import { memoryOf, scheduledCards } from './store';

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
export async function statesOf(db: Database, userId: string, cardIds: string[]) {
	const states = new Map<string, CardMemory>();
	if (cardIds.length === 0) return states;
	const rows = await selectRows(connOf(db), statesSelect, { userId, ids: JSON.stringify(cardIds) });
	for (const row of rows) states.set(row.cardId, memoryOf(row));
	return states;
}

export async function personalCards(db: Database, userId: string, ids: string[]) {
	const found = new Map<
		string,
		{ skillId: string; level: number; kind: 'qa' | 'cloze'; frontHtml: string; backHtml: string }
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
			kind: row.kind,
			...(await renderCardHtml(row))
		});
	}
	return found;
}
