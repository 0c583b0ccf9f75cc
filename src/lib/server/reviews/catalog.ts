// Which cards a learner may review: every built-in card (retired ones too, so an offline
// session can still sync) and their own personal cards. Anything else is "not found".
import { and, eq, inArray } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { getDeckSource } from '$lib/server/content';
import type { DeckCard } from '$lib/core/types';
import type { Queryable } from './db';

export const PERSONAL_PREFIX = 'pc_';

export interface ReviewableCard {
	id: string;
	skillId: string;
	level: number;
	personal: boolean;
}

let deckById: Map<string, DeckCard> | undefined;

/** Built-in cards by id, as written: checking an id must not wait for the deck's rendering. */
function deckCard(id: string): DeckCard | undefined {
	deckById ??= new Map(getDeckSource().map((c) => [c.id, c]));
	return deckById.get(id);
}

export async function findReviewableCards(
	db: Queryable,
	userId: string,
	ids: readonly string[]
): Promise<Map<string, ReviewableCard>> {
	const found = new Map<string, ReviewableCard>();
	const personalIds = [...new Set(ids.filter((id) => id.startsWith(PERSONAL_PREFIX)))];
	for (let i = 0; i < personalIds.length; i += 500) {
		const rows = await db
			.select({
				id: table.personalCard.id,
				skillId: table.personalCard.skillId,
				level: table.personalCard.level
			})
			.from(table.personalCard)
			.where(
				and(
					eq(table.personalCard.userId, userId),
					inArray(table.personalCard.id, personalIds.slice(i, i + 500))
				)
			);
		for (const row of rows) found.set(row.id, { ...row, personal: true });
	}
	for (const id of new Set(ids)) {
		if (id.startsWith(PERSONAL_PREFIX)) continue;
		const card = deckCard(id);
		if (card) found.set(id, { id, skillId: card.skillId, level: card.level, personal: false });
	}
	return found;
}

export async function findReviewableCard(db: Queryable, userId: string, id: string) {
	return (await findReviewableCards(db, userId, [id])).get(id);
}
