// The reads behind a queue: today's due cards, the schedule per day and the full memories of
// the session's cards, all from the learner's cached card states (card-cache.ts), and the
// learner's own cards among them.
import { and, eq, inArray } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { renderCardHtml } from '$lib/server/cards/render';
import { dayKeyOf, type CardMemory, type DayKey } from '$lib/core/scheduling';
import { perLearner } from '$lib/server/db/learner-cache';
import { isScheduled, learnerCards } from './card-cache';
import { memoryOf } from './store';

/** Studied, unsuspended cards due before `dayEnd` (overdue included): what ranks them. */
export async function dueList(db: Database, userId: string, dayEnd: Date) {
	const cards = await learnerCards(db, userId);
	return cards.filter((c) => isScheduled(c) && c.due.getTime() < dayEnd.getTime());
}

/** When each scheduled card is due: the load per day and tomorrow. */
export async function scheduleOf(db: Database, userId: string) {
	return (await learnerCards(db, userId)).filter(isScheduled);
}

/**
 * How many scheduled cards fall due on each learner day: the load the grade buttons balance.
 * Kept with the card states: a thousand day lookups a request otherwise. Shared, never changed.
 */
export function dueCountsByDay(
	db: Database,
	userId: string,
	timezone: string,
	dayStartHour: number
): Promise<ReadonlyMap<DayKey, number>> {
	return perLearner(db, userId, `due by day|${timezone}|${dayStartHour}`, async () => {
		const load = new Map<DayKey, number>();
		for (const c of await scheduleOf(db, userId)) {
			const key = dayKeyOf(c.due, timezone, dayStartHour);
			load.set(key, (load.get(key) ?? 0) + 1);
		}
		return load;
	});
}

/** The full memory of the given cards, by id. */
export async function statesOf(db: Database, userId: string, cardIds: string[]) {
	const wanted = new Set(cardIds);
	const states = new Map<string, CardMemory>();
	if (wanted.size === 0) return states;
	for (const card of await learnerCards(db, userId))
		if (wanted.has(card.cardId)) states.set(card.cardId, memoryOf(card));
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
