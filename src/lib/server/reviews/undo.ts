// Undo: the review leaves the log and the card is recomputed from what is left, exactly as
// if the review had never arrived. The id is remembered, so the undo is idempotent and a late
// retry of the same review cannot bring it back. An id never stored is "not found" and
// changes nothing.
import { and, eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import type { Rating } from '$lib/core/scheduling';
import { findReviewableCard } from './catalog';
import { cardStateJson, type CardStateJson } from './json';
import { rescheduleCard } from './reschedule';
import { schedulerFor } from './scheduler';
import { getReviewSettings } from './settings';
import { loadState, memoryOf } from './store';
import { undoCredit } from './credit-refold';

export type UndoResult =
	| { id: string; status: 'undone'; cardId: string | null; card: CardStateJson | null }
	| { id: string; status: 'not-found' };

export async function undoReview(
	db: Database,
	userId: string,
	reviewId: string,
	now: Date
): Promise<UndoResult> {
	const settings = await getReviewSettings(db, userId);
	const scheduler = schedulerFor(settings);
	return db.transaction(async (tx): Promise<UndoResult> => {
		const [row] = await tx
			.select()
			.from(table.reviewLog)
			.where(and(eq(table.reviewLog.id, reviewId), eq(table.reviewLog.userId, userId)));
		const [undone] = await tx
			.select()
			.from(table.reviewUndo)
			.where(and(eq(table.reviewUndo.userId, userId), eq(table.reviewUndo.reviewId, reviewId)));
		if (!row) {
			return undone
				? { id: reviewId, status: 'undone', cardId: null, card: null }
				: { id: reviewId, status: 'not-found' };
		}
		if (!undone) await tx.insert(table.reviewUndo).values({ userId, reviewId, undoneAt: now });
		await tx
			.delete(table.reviewLog)
			.where(and(eq(table.reviewLog.id, reviewId), eq(table.reviewLog.userId, userId)));
		const card = await findReviewableCard(tx, userId, row.cardId);
		const changed = { ...row, rating: row.rating as Rating };
		const state = card
			? await rescheduleCard(tx, userId, card, changed, settings, scheduler, now)
			: null;
		// Its credit through prerequisites goes with it; credit on this card may count again.
		await undoCredit(tx, userId, reviewId, row.cardId, settings, scheduler);
		// A personal card deleted since keeps no schedule to recompute.
		if (!card || !state) return { id: reviewId, status: 'undone', cardId: row.cardId, card: null };
		const stored = state.memory ? await loadState(tx, userId, card.id) : undefined;
		const memory = stored ? memoryOf(stored) : state.memory;
		return {
			id: reviewId,
			status: 'undone',
			cardId: card.id,
			card: cardStateJson(card.id, memory, state, scheduler, now)
		};
	});
}
