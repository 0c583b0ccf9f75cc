// A review id seen before: stored (a retry, or two tabs sending the same review) or undone.
// Either way the review changes nothing and is answered with the card's state now.
import { and, eq, sql } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { compileSelect, connOf, selectRows } from '$lib/server/db/compiled';
import type { Database } from '$lib/server/db';
import type { Scheduler } from '$lib/core/scheduling';
import { cardStateJson, type CardStateJson } from './json';
import { loadState, memoryOf } from './store';

export interface ReviewResult {
	id: string | null;
	status: 'applied' | 'duplicate' | 'rejected';
	reason?: string;
	card?: CardStateJson;
}

/** What identifies a review: the fields a stored one must match for the same id. */
export interface ReviewKey {
	id: string;
	cardId: string;
	rating: number;
	reviewedAt: Date;
}

// One statement for both questions a new review asks: is its id stored, or was it undone?
const knownSelect = compileSelect(
	{
		cardId: table.reviewLog.cardId,
		rating: table.reviewLog.rating,
		reviewedAt: table.reviewLog.reviewedAt,
		undone: sql<number>`0`.mapWith(Number)
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.reviewLog)
			.where(
				and(
					eq(table.reviewLog.userId, sql.placeholder('userId')),
					eq(table.reviewLog.id, sql.placeholder('id'))
				)
			)
			.unionAll(
				b
					.select({
						cardId: table.reviewUndo.reviewId,
						rating: sql<number>`0`.mapWith(Number),
						reviewedAt: table.reviewUndo.undoneAt,
						undone: sql<number>`1`.mapWith(Number)
					})
					.from(table.reviewUndo)
					.where(
						and(
							eq(table.reviewUndo.userId, sql.placeholder('userId')),
							eq(table.reviewUndo.reviewId, sql.placeholder('id'))
						)
					)
			)
);

/** A stored or undone review with this id: the stored result; null when the id is new. */
export async function alreadyKnown(
	q: Database,
	userId: string,
	review: ReviewKey
): Promise<Omit<ReviewResult, 'card'> | null> {
	const rows = await selectRows(connOf(q), knownSelect, { id: review.id, userId });
	const stored = rows.find((row) => row.undone === 0);
	if (stored) {
		const same =
			stored.cardId === review.cardId &&
			stored.rating === review.rating &&
			stored.reviewedAt.getTime() === review.reviewedAt.getTime();
		return same
			? { id: review.id, status: 'duplicate' }
			: { id: review.id, status: 'rejected', reason: 'This review id is already used.' };
	}
	return rows.length > 0
		? { id: review.id, status: 'duplicate', reason: 'This review was undone.' }
		: null;
}

export async function withCard(
	q: Database,
	known: Omit<ReviewResult, 'card'>,
	userId: string,
	cardId: string,
	scheduler: Scheduler,
	now: Date
): Promise<ReviewResult> {
	if (known.status !== 'duplicate') return known;
	return { ...known, card: await currentCard(q, userId, cardId, scheduler, now) };
}

export async function currentCard(
	q: Database,
	userId: string,
	cardId: string,
	scheduler: Scheduler,
	now: Date
): Promise<CardStateJson> {
	const row = await loadState(q, userId, cardId);
	const flags = {
		suspended: row?.suspended ?? false,
		leech: row?.leech ?? false,
		buriedUntil: row?.buriedUntil ?? null
	};
	return cardStateJson(cardId, row ? memoryOf(row) : null, flags, scheduler, now);
}
