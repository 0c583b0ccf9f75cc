// Recomputes one card after its log changed, inside the caller's transaction: derived log
// columns from the change on, the card_state row, and the leech flags.
import { and, eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import {
	flagsAfter,
	newCardMemory,
	recomputeCard,
	replay,
	type CardMemory,
	type LoggedReview,
	type ReviewSettings,
	type Scheduler
} from '$lib/core/scheduling';
import type { Queryable } from './db';
import type { ReviewableCard } from './catalog';
import {
	loadBase,
	loadCardLog,
	loadState,
	memoryColumns,
	memoryOf,
	workloadAround,
	type CardStateRow
} from './store';

export interface Rescheduled {
	memory: CardMemory | null;
	suspended: boolean;
	leech: boolean;
	buriedUntil: Date | null;
}

export async function rescheduleCard(
	tx: Queryable,
	userId: string,
	card: ReviewableCard,
	changed: LoggedReview,
	settings: ReviewSettings,
	scheduler: Scheduler,
	now: Date,
	/** The card's state row as the caller already read it in this transaction. */
	current?: { row: CardStateRow | undefined }
): Promise<Rescheduled> {
	const log = await loadCardLog(tx, userId, card.id);
	const base = await loadBase(tx, userId, card.id);
	const window = replay(card.id, log, scheduler, base).last?.window ?? null;
	const workload = await workloadAround(tx, userId, card.id, window, settings);
	const result = recomputeCard(card.id, log, changed, scheduler, workload, base);
	for (const row of result.rows) {
		await tx
			.update(table.reviewLog)
			.set({ stateBefore: row.stateBefore, dueAfter: row.dueAfter })
			.where(and(eq(table.reviewLog.id, row.id), eq(table.reviewLog.userId, userId)));
	}

	const previous = current ? current.row : await loadState(tx, userId, card.id);
	const before = previous ? memoryOf(previous).lapses : 0;
	const flags = flagsAfter(before, result.memory?.lapses ?? 0, {
		suspended: previous?.suspended ?? false,
		leech: previous?.leech ?? false
	});
	const buriedUntil = previous?.buriedUntil ?? null;
	const keepRow =
		result.memory !== null ||
		flags.suspended ||
		flags.leech ||
		(buriedUntil !== null && buriedUntil.getTime() > now.getTime());
	const where = and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, card.id));
	if (!keepRow) {
		// No review left and nothing set by hand: the card is new again, as it was.
		await tx.delete(table.cardState).where(where);
		return { memory: null, ...flags, buriedUntil: null };
	}
	const memory = result.memory ?? newCardMemory(now);
	const values = { ...memoryColumns(memory), ...flags, skillId: card.skillId, level: card.level };
	await tx
		.insert(table.cardState)
		.values({ userId, cardId: card.id, ...values, buriedUntil })
		.onConflictDoUpdate({
			target: [table.cardState.userId, table.cardState.cardId],
			set: values
		});
	return { memory: result.memory, ...flags, buriedUntil };
}
