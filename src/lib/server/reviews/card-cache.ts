// Every card state of a learner — 742 rows for one who has met the whole deck — read once per
// version of their cards and log (learner-cache.ts) rather than by each page's own query: the
// queue, the new cards, the levels on the gap and the stats all start from them.
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { compileSelect, connOf, selectRows } from '$lib/server/db/compiled';
import { perLearner } from '$lib/server/db/learner-cache';
import * as table from '$lib/server/db/schema';
import type { Queryable } from './db';

// Exact rows (not JSON, which would round the stabilities), because memories are sent on.
const statesSelect = compileSelect(getTableColumns(table.cardState), (b, fields) =>
	b
		.select(fields)
		.from(table.cardState)
		.where(eq(table.cardState.userId, sql.placeholder('userId')))
);

export type LearnerCard = typeof table.cardState.$inferSelect;

/** The learner's card states; shared between requests, so never changed by a caller. */
export function learnerCards(db: Queryable, userId: string): Promise<readonly LearnerCard[]> {
	return perLearner(db, userId, 'card states', () =>
		selectRows(connOf(db), statesSelect, { userId })
	);
}

/** Studied and not suspended: the cards that have a schedule (store.ts `scheduledCards`). */
export function isScheduled(card: LearnerCard): boolean {
	return card.state !== 0 && !card.suspended;
}
