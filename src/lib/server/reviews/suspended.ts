// The cards a learner has set aside for good — suspended by hand or as leeches — so they can
// see them and bring them back (the review session only offers suspending).
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { getDeckCard, getGraph } from '$lib/server/content';
import { renderCardHtml } from '$lib/server/cards/render';

export interface SuspendedCard {
	id: string;
	skillName: string;
	/** Sanitised HTML of the card's front. */
	frontHtml: string;
	leech: boolean;
}

export async function suspendedCards(db: Database, userId: string): Promise<SuspendedCard[]> {
	const rows = await db
		.select({
			cardId: table.cardState.cardId,
			skillId: table.cardState.skillId,
			leech: table.cardState.leech
		})
		.from(table.cardState)
		.where(and(eq(table.cardState.userId, userId), eq(table.cardState.suspended, true)))
		.orderBy(asc(table.cardState.skillId), asc(table.cardState.cardId));
	const personalIds = rows.map((r) => r.cardId).filter((id) => id.startsWith('pc_'));
	const personal = new Map(
		personalIds.length === 0
			? []
			: (
					await db
						.select({ id: table.personalCard.id, front: table.personalCard.front })
						.from(table.personalCard)
						.where(
							and(
								eq(table.personalCard.userId, userId),
								inArray(table.personalCard.id, personalIds)
							)
						)
				).map((c) => [c.id, c.front])
	);
	const graph = getGraph();
	const cards: SuspendedCard[] = [];
	for (const row of rows) {
		const own = personal.get(row.cardId);
		const frontHtml =
			own !== undefined
				? (await renderCardHtml({ front: own, back: '' })).frontHtml
				: (await getDeckCard(row.cardId))?.frontHtml;
		if (frontHtml === undefined) continue; // deleted or retired since
		cards.push({
			id: row.cardId,
			skillName: graph.skillById.get(row.skillId)?.name ?? row.skillId,
			frontHtml,
			leech: row.leech
		});
	}
	return cards;
}
