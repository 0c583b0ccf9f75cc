// A card's state with its implicit credit: the log replayed, then the live credit events
// folded on (core/scheduling/credit-fold.ts). Credit given one step after a card's earlier
// credit is applied in place (credit.ts); every other change — credit out of order, undone,
// or a recompute of the card — ends here, so the stored state is always that fold.
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import {
	dayKeyOf,
	recomputeCard,
	type CardMemory,
	type Rating,
	type ReviewSettings,
	type Scheduler,
	type StoredReview
} from '$lib/core/scheduling';
import { foldCredits } from '$lib/core/scheduling/credit-fold';
import type { Queryable } from './db';
import { memoryColumns, memoryOf } from './store';

type CreditRow = typeof table.reviewCredit.$inferSelect;

/** Sorts after every review: recomputeCard then keeps each stored due date as it is. */
const AFTER_ALL = { id: '\uffff', rating: 3 as Rating, reviewedAt: new Date(8.64e15) };

const CHUNK = 500;

async function inChunks<T>(ids: readonly string[], load: (ids: string[]) => Promise<T[]>) {
	const out: T[] = [];
	for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
	return out;
}

function groupBy<T extends { cardId: string }>(rows: readonly T[]): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) map.set(row.cardId, [...(map.get(row.cardId) ?? []), row]);
	return map;
}

/** The credit rows of these cards, by card. */
export async function creditsOn(
	tx: Queryable,
	userId: string,
	cardIds: readonly string[]
): Promise<Map<string, CreditRow[]>> {
	return groupBy(
		await inChunks(cardIds, (ids) =>
			tx
				.select()
				.from(table.reviewCredit)
				.where(and(eq(table.reviewCredit.userId, userId), inArray(table.reviewCredit.cardId, ids)))
		)
	);
}

/** Which of these cards have a logged review. */
export async function withLog(
	tx: Queryable,
	userId: string,
	cardIds: readonly string[]
): Promise<Set<string>> {
	const rows = await inChunks(cardIds, (ids) =>
		tx
			.selectDistinct({ cardId: table.reviewLog.cardId })
			.from(table.reviewLog)
			.where(and(eq(table.reviewLog.userId, userId), inArray(table.reviewLog.cardId, ids)))
	);
	return new Set(rows.map((r) => r.cardId));
}

/** The card as its log alone makes it (credit left out), or null with neither log nor base. */
function replayed(
	scheduler: Scheduler,
	cardId: string,
	log: readonly StoredReview[],
	base: CardMemory | null
): CardMemory | null {
	return recomputeCard(cardId, log, { ...AFTER_ALL, cardId }, scheduler, null, base).memory;
}

/**
 * Recomputes `cardIds` (the learner's own card ids) as log + live credit and stores them.
 * @param onlyCredited leave alone cards without any credit row (their state is their log's)
 */
export async function refoldCards(
	tx: Queryable,
	userId: string,
	cardIds: readonly string[],
	settings: ReviewSettings,
	scheduler: Scheduler,
	onlyCredited: boolean
): Promise<void> {
	const unique = [...new Set(cardIds)];
	const events = await creditsOn(tx, userId, unique);
	const ids = onlyCredited ? unique.filter((id) => events.has(id)) : unique;
	if (ids.length === 0) return;
	const states = groupBy(
		await inChunks(ids, (chunk) =>
			tx
				.select()
				.from(table.cardState)
				.where(and(eq(table.cardState.userId, userId), inArray(table.cardState.cardId, chunk)))
		)
	);
	const logs = groupBy(
		await inChunks(ids, (chunk) =>
			tx
				.select({
					id: table.reviewLog.id,
					cardId: table.reviewLog.cardId,
					rating: table.reviewLog.rating,
					reviewedAt: table.reviewLog.reviewedAt,
					dueAfter: table.reviewLog.dueAfter
				})
				.from(table.reviewLog)
				.where(and(eq(table.reviewLog.userId, userId), inArray(table.reviewLog.cardId, chunk)))
				.orderBy(asc(table.reviewLog.reviewedAt), asc(table.reviewLog.id))
		)
	);
	const bases = groupBy(
		await inChunks(ids, (chunk) =>
			tx
				.select()
				.from(table.cardBase)
				.where(and(eq(table.cardBase.userId, userId), inArray(table.cardBase.cardId, chunk)))
		)
	);
	const dayOf = (at: Date) => dayKeyOf(at, settings.timezone, settings.dayStartHour);
	for (const cardId of ids) {
		if (!states.has(cardId)) continue;
		const log = (logs.get(cardId) ?? []).map((r) => ({ ...r, rating: r.rating as Rating }));
		const base = bases.get(cardId)?.[0];
		const plain = replayed(scheduler, cardId, log, base ? memoryOf(base) : null);
		// A state with neither log nor base was never credited (credit captures the base first).
		if (!plain) continue;
		const folded = foldCredits(scheduler, cardId, plain, events.get(cardId) ?? [], dayOf);
		await tx
			.update(table.cardState)
			.set(memoryColumns(folded.memory))
			.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, cardId)));
		for (const step of folded.steps) await recordStep(tx, step.event, step);
	}
}

/** Keeps each event's before/after as the fold last applied it. */
async function recordStep(
	tx: Queryable,
	row: CreditRow,
	step: {
		before: Pick<CardMemory, 'stability' | 'due'>;
		after: Pick<CardMemory, 'stability' | 'due'>;
	}
) {
	const values = {
		stabilityBefore: step.before.stability,
		dueBefore: step.before.due,
		stabilityAfter: step.after.stability,
		dueAfter: step.after.due
	};
	const same = (Object.keys(values) as (keyof typeof values)[]).every(
		(key) => String(row[key]) === String(values[key])
	);
	if (same) return;
	await tx
		.update(table.reviewCredit)
		.set(values)
		.where(
			and(
				eq(table.reviewCredit.userId, row.userId),
				eq(table.reviewCredit.reviewId, row.reviewId),
				eq(table.reviewCredit.cardId, row.cardId)
			)
		);
}

/**
 * After `reviewId` (of `cardId`) left the log: its credit goes with it, the cards it credited
 * are recomputed, and so is `cardId` itself — credit it had superseded may count again.
 */
export async function undoCredit(
	tx: Queryable,
	userId: string,
	reviewId: string,
	cardId: string,
	settings: ReviewSettings,
	scheduler: Scheduler
): Promise<void> {
	const removed = await tx
		.delete(table.reviewCredit)
		.where(and(eq(table.reviewCredit.userId, userId), eq(table.reviewCredit.reviewId, reviewId)))
		.returning({ cardId: table.reviewCredit.cardId });
	if (removed.length > 0)
		await refoldCards(
			tx,
			userId,
			removed.map((r) => r.cardId),
			settings,
			scheduler,
			false
		);
	await refoldCards(tx, userId, [cardId], settings, scheduler, true);
}

/** After every card was recomputed (new FSRS parameters): credit goes back on, refitted. */
export async function refoldAllCredit(
	tx: Queryable,
	userId: string,
	settings: ReviewSettings,
	scheduler: Scheduler
): Promise<void> {
	const rows = await tx
		.selectDistinct({ cardId: table.reviewCredit.cardId })
		.from(table.reviewCredit)
		.where(eq(table.reviewCredit.userId, userId));
	await refoldCards(
		tx,
		userId,
		rows.map((r) => r.cardId),
		settings,
		scheduler,
		true
	);
}
