// Bury (until the learner's day ends), suspend and unsuspend. A new card gets a state row
// holding only the flag; unsuspending also clears the leech flag the learner has dealt with.
import { and, eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { learnerDay, newCardMemory } from '$lib/core/scheduling';
import { findReviewableCard } from './catalog';
import { cardStateJson, type CardStateJson } from './json';
import { schedulerFor } from './scheduler';
import { getReviewSettings } from './settings';
import { loadState, memoryColumns, memoryOf } from './store';

export const CARD_ACTIONS = ['bury', 'suspend', 'unsuspend'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** The card's state after the action, or null when the learner has no such card. */
export async function setCardFlag(
	db: Database,
	userId: string,
	cardId: string,
	action: CardAction,
	now: Date
): Promise<CardStateJson | null> {
	const settings = await getReviewSettings(db, userId);
	const scheduler = schedulerFor(settings);
	return db.transaction(async (tx) => {
		const card = await findReviewableCard(tx, userId, cardId);
		if (!card) return null;
		const row = await loadState(tx, userId, cardId);
		const flags = {
			suspended: row?.suspended ?? false,
			leech: row?.leech ?? false,
			buriedUntil: row?.buriedUntil ?? null
		};
		if (action === 'bury') {
			flags.buriedUntil = learnerDay(now, settings.timezone, settings.dayStartHour).end;
		} else if (action === 'suspend') {
			flags.suspended = true;
		} else {
			flags.suspended = false;
			flags.leech = false;
		}
		const memory = row ? memoryOf(row) : newCardMemory(now);
		if (row) {
			await tx
				.update(table.cardState)
				.set(flags)
				.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, cardId)));
		} else if (action !== 'unsuspend') {
			await tx.insert(table.cardState).values({
				userId,
				cardId,
				skillId: card.skillId,
				level: card.level,
				...memoryColumns(memory),
				...flags
			});
		}
		return cardStateJson(cardId, row ? memory : null, flags, scheduler, now);
	});
}
