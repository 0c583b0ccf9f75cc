// An in-order review in constant time. A card's state is the fold of its log (replay.ts), and
// card_state stores the fold's last value; so a review that sorts after every logged one is
// one more step from the stored state: one row read, one log insert, one state update, however
// long the log. Anything else (a late review, or a state that is not the log's fold) goes
// through the full replay in reschedule.ts.
import { getTableColumns, sql } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { compileSelect, connOf, run, selectRows } from '$lib/server/db/compiled';
import {
	compareReviews,
	flagsAfter,
	type ReviewSettings,
	type Scheduler
} from '$lib/core/scheduling';
import type { Queryable } from './db';
import type { ReviewableCard } from './catalog';
import { logInsert, stateUpsert, type PendingReview, type Rescheduled } from './reschedule';
import { memoryColumns, memoryOf, oneCard, settledAgainstLoad, type CardStateRow } from './store';

/** The card's state row and its latest logged review, as one row. */
export interface CardTail {
	row: CardStateRow | undefined;
	last: { id: string; reviewedAt: Date; dueAfter: Date | null } | null;
	/** Credit through prerequisites touched it: its state is log + live credit (credit-refold.ts). */
	credited: boolean;
}

// The latest review by log order (time, then id), found through review_log_user_card_time.
const latestLogRow = sql`(select "latest"."rowid" from "review_log" "latest"
	where "latest"."user_id" = "card_state"."user_id" and "latest"."card_id" = "card_state"."card_id"
	order by "latest"."reviewed_at" desc, "latest"."id" desc limit 1)`;

const hasCredit = sql<number>`exists (select 1 from "review_credit" "credit"
	where "credit"."user_id" = "card_state"."user_id" and "credit"."card_id" = "card_state"."card_id")`.mapWith(
	Number
);

const tailSelect = compileSelect(
	{
		...getTableColumns(table.cardState),
		lastId: table.reviewLog.id,
		lastAt: table.reviewLog.reviewedAt,
		lastDue: table.reviewLog.dueAfter,
		credited: hasCredit
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.cardState)
			.leftJoin(table.reviewLog, sql`"review_log"."rowid" = ${latestLogRow}`)
			.where(oneCard(table.cardState))
);

export async function loadTail(q: Queryable, userId: string, cardId: string): Promise<CardTail> {
	const [found] = await selectRows(connOf(q), tailSelect, { userId, cardId });
	if (!found) return { row: undefined, last: null, credited: false };
	const { lastId, lastAt, lastDue, credited, ...row } = found;
	const last = lastId && lastAt ? { id: lastId, reviewedAt: lastAt, dueAfter: lastDue } : null;
	return { row, last, credited: credited === 1 };
}

/**
 * True when `review` sorts after every logged review and the stored state is the log's fold:
 * it carries the latest review's time and the due date that review gave it, and no credit
 * through prerequisites (which a real review supersedes: the replay leaves it out). A state
 * set another way since (a placement credit, a reschedule) fails the check and is replayed.
 */
export function appendsInOrder(
	tail: CardTail,
	review: PendingReview
): tail is CardTail & { row: CardStateRow } {
	const { row, last } = tail;
	if (!row || !last || !last.dueAfter || !row.lastReview || row.state === 0) return false;
	if (tail.credited) return false;
	if (compareReviews(review, { ...last, cardId: review.cardId, rating: review.rating }) <= 0)
		return false;
	return (
		row.lastReview.getTime() === last.reviewedAt.getTime() &&
		row.due.getTime() === last.dueAfter.getTime()
	);
}

/** One more step from the stored state; exactly what the full replay gives for this case. */
export async function appendReview(
	tx: Queryable,
	userId: string,
	card: ReviewableCard,
	review: PendingReview,
	row: CardStateRow,
	settings: ReviewSettings,
	scheduler: Scheduler
): Promise<Rescheduled> {
	const conn = connOf(tx);
	const before = memoryOf(row);
	const outcome = scheduler.review(card.id, before, review.rating, review.reviewedAt);
	const memory = await settledAgainstLoad(tx, userId, card.id, outcome, settings);
	await run(conn, logInsert, {
		...review,
		userId,
		cardId: card.id,
		stateBefore: before.state,
		dueAfter: memory.due
	});
	const flags = flagsAfter(before.lapses, memory.lapses, {
		suspended: row.suspended,
		leech: row.leech
	});
	await run(conn, stateUpsert, {
		...memoryColumns(memory),
		...flags,
		userId,
		cardId: card.id,
		skillId: card.skillId,
		level: card.level,
		buriedUntil: row.buriedUntil
	});
	return { memory, ...flags, buriedUntil: row.buriedUntil };
}
