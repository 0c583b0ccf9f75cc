// Recomputes one card after its log changed, inside the caller's transaction: derived log
// columns from the change on, the card_state row, and the leech flags.
import { and, eq, sql } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { compileRun, connOf, excludedFor, placeholdersFor, run } from '$lib/server/db/compiled';
import {
	flagsAfter,
	newCardMemory,
	recomputeCard,
	replay,
	type CardMemory,
	type LoggedReview,
	type ReviewSettings,
	type Scheduler,
	type StoredReview
} from '$lib/core/scheduling';
import type { Queryable } from './db';
import type { ReviewableCard } from './catalog';
import {
	loadBase,
	loadCardLog,
	loadState,
	memoryColumns,
	memoryOf,
	oneCard,
	workloadAround,
	type CardStateRow
} from './store';

export interface Rescheduled {
	memory: CardMemory | null;
	suspended: boolean;
	leech: boolean;
	buriedUntil: Date | null;
}

/** A review not stored yet: it is inserted with its derived columns in one statement. */
export interface PendingReview extends LoggedReview {
	durationMs: number;
	receivedAt: Date;
}

/** What the caller already read in this transaction, before the change. */
export interface KnownCard {
	row: CardStateRow | undefined;
	log?: StoredReview[];
	base?: CardMemory | null;
	pending?: PendingReview;
}

const derivedUpdate = compileRun((b) =>
	b
		.update(table.reviewLog)
		.set({
			stateBefore: sql`${sql.placeholder('stateBefore')}`,
			dueAfter: sql`${sql.placeholder('dueAfter')}`
		})
		.where(
			and(
				eq(table.reviewLog.id, sql.placeholder('id')),
				eq(table.reviewLog.userId, sql.placeholder('userId'))
			)
		)
);

export const logInsert = compileRun((b) =>
	b.insert(table.reviewLog).values(placeholdersFor(table.reviewLog))
);

const stateDelete = compileRun((b) => b.delete(table.cardState).where(oneCard(table.cardState)));

/** Columns a recompute owns; buried_until is the learner's and survives it. */
const RECOMPUTED = [
	'due',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses',
	'state',
	'lastReview',
	'suspended',
	'leech',
	'skillId',
	'level'
] as const;

export const stateUpsert = compileRun((b) =>
	b
		.insert(table.cardState)
		.values(placeholdersFor(table.cardState))
		.onConflictDoUpdate({
			target: [table.cardState.userId, table.cardState.cardId],
			set: excludedFor(table.cardState, RECOMPUTED)
		})
);

export async function rescheduleCard(
	tx: Queryable,
	userId: string,
	card: ReviewableCard,
	changed: LoggedReview,
	settings: ReviewSettings,
	scheduler: Scheduler,
	now: Date,
	known?: KnownCard
): Promise<Rescheduled> {
	const conn = connOf(tx);
	const pending = known?.pending;
	const stored = known?.log ?? (await loadCardLog(tx, userId, card.id));
	const log = pending ? [...stored, { ...pending, dueAfter: null }] : stored;
	const base = known?.base !== undefined ? known.base : await loadBase(tx, userId, card.id);
	const window = replay(card.id, log, scheduler, base).last?.window ?? null;
	const workload = await workloadAround(tx, userId, card.id, window, settings);
	const result = recomputeCard(card.id, log, changed, scheduler, workload, base);
	for (const row of result.rows) {
		if (row.id === pending?.id) {
			await run(conn, logInsert, { ...pending, userId, cardId: card.id, ...row });
		} else {
			await run(conn, derivedUpdate, { ...row, userId });
		}
	}

	const previous = known ? known.row : await loadState(tx, userId, card.id);
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
	if (!keepRow) {
		// No review left and nothing set by hand: the card is new again, as it was.
		await run(conn, stateDelete, { userId, cardId: card.id });
		return { memory: null, ...flags, buriedUntil: null };
	}
	const memory = result.memory ?? newCardMemory(now);
	await run(conn, stateUpsert, {
		...memoryColumns(memory),
		...flags,
		userId,
		cardId: card.id,
		skillId: card.skillId,
		level: card.level,
		buriedUntil
	});
	return { memory: result.memory, ...flags, buriedUntil };
}
