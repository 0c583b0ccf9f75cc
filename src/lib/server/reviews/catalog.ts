// Which cards a learner may review: every built-in card (retired ones too, so an offline
// session can still sync) and their own personal cards. Anything else is "not found".
import { and, eq, inArray } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { getDeckCard } from '$lib/server/content';
import type { Queryable } from './db';

export const PERSONAL_PREFIX = 'pc_';

export interface ReviewableCard {
	id: string;
	skillId: string;
	level: number;
	personal: boolean;
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
		const card = await getDeckCard(id);
		if (card) found.set(id, { id, skillId: card.skillId, level: card.level, personal: false });
	}
	return found;
}

export async function findReviewableCard(db: Queryable, userId: string, id: string) {
	return (await findReviewableCards(db, userId, [id])).get(id);
}
