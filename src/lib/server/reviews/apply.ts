// POST /api/reviews: each review is checked on its own and applied exactly once. The review
// id (made on the client) is the primary key of review_log with the learner's id, so a retry,
// a duplicate in the same batch, or the same review sent by two tabs at once is recognised and
// changes nothing — and another learner's ids are invisible: the same id is simply new here.
import * as v from 'valibot';
import { and, eq, sql } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { compileSelect, connOf, selectRows } from '$lib/server/db/compiled';
import type { Database } from '$lib/server/db';
import { validate } from '$lib/server/validation';
import { isoTimeSchema } from '$lib/core/iso-time';
import type { Rating, ReviewSettings, Scheduler } from '$lib/core/scheduling';
import { findReviewableCards, type ReviewableCard } from './catalog';
import { cardStateJson, type CardStateJson } from './json';
import { rescheduleCard } from './reschedule';
import { schedulerFor } from './scheduler';
import { getReviewSettings } from './settings';
import { captureBase, loadBase, loadCardLog, loadState, memoryOf } from './store';

/** Clocks disagree a little: a review this far in the future is still accepted. */
export const CLOCK_SKEW_MS = 2 * 60_000;
/** Older than this a review is not a lost offline one but a broken clock. */
export const MAX_AGE_MS = 365 * 86_400_000;
export const MAX_DURATION_MS = 3_600_000;
export const MAX_BATCH = 1000;

export const reviewsBodySchema = v.object({
	reviews: v.pipe(
		v.array(v.unknown(), 'Send {"reviews": [...]}.'),
		v.maxLength(MAX_BATCH, `Send at most ${MAX_BATCH} reviews at once.`)
	)
});

export const reviewSchema = v.object({
	id: v.pipe(v.string('id must be a string.'), v.uuid('id must be a UUID.')),
	cardId: v.pipe(
		v.string('cardId must be a string.'),
		v.minLength(1, 'cardId is empty.'),
		v.maxLength(200, 'cardId is too long.')
	),
	rating: v.pipe(
		v.number('rating must be 1, 2, 3 or 4.'),
		v.integer('rating must be 1, 2, 3 or 4.'),
		v.minValue(1, 'rating must be 1, 2, 3 or 4.'),
		v.maxValue(4, 'rating must be 1, 2, 3 or 4.')
	),
	reviewedAt: isoTimeSchema('reviewedAt'),
	durationMs: v.pipe(
		v.number('durationMs must be a number.'),
		v.integer('durationMs must be whole milliseconds.'),
		v.minValue(0, 'durationMs cannot be negative.'),
		v.maxValue(MAX_DURATION_MS, 'durationMs is over an hour.')
	)
});

export type ReviewInput = v.InferOutput<typeof reviewSchema>;

export interface ReviewResult {
	id: string | null;
	status: 'applied' | 'duplicate' | 'rejected';
	reason?: string;
	card?: CardStateJson;
}

const rejected = (id: unknown, reason: string): ReviewResult => ({
	id: typeof id === 'string' ? id : null,
	status: 'rejected',
	reason
});

function timeProblem(review: ReviewInput, now: Date): string | null {
	const at = review.reviewedAt.getTime();
	if (at > now.getTime() + CLOCK_SKEW_MS) return 'reviewedAt is in the future.';
	if (at < now.getTime() - MAX_AGE_MS) return 'reviewedAt is more than a year ago.';
	return null;
}

function isConstraintError(error: unknown): boolean {
	const text = `${String(error)} ${String((error as { cause?: unknown })?.cause ?? '')}`;
	return /UNIQUE constraint failed|SQLITE_CONSTRAINT/.test(text);
}

/** Applies a batch; results come back in the order the reviews were sent. */
export async function applyReviews(
	db: Database,
	userId: string,
	reviews: readonly unknown[],
	now: Date
): Promise<ReviewResult[]> {
	const results: ReviewResult[] = new Array(reviews.length);
	const valid: { index: number; review: ReviewInput }[] = [];
	reviews.forEach((raw, index) => {
		const parsed = validate(reviewSchema, raw);
		const id = (raw as { id?: unknown } | null)?.id;
		if (!parsed.ok) results[index] = rejected(id, parsed.message);
		else {
			const problem = timeProblem(parsed.data, now);
			if (problem) results[index] = rejected(id, problem);
			else valid.push({ index, review: parsed.data });
		}
	});
	if (valid.length === 0) return results;

	const settings = await getReviewSettings(db, userId);
	const scheduler = schedulerFor(settings);
	const cards = await findReviewableCards(
		db,
		userId,
		valid.map((v) => v.review.cardId)
	);
	// In review order, so reviews that arrive together rarely need a recompute.
	valid.sort((a, b) => a.review.reviewedAt.getTime() - b.review.reviewedAt.getTime());
	for (const { index, review } of valid) {
		const card = cards.get(review.cardId);
		results[index] = card
			? await applyOne(db, userId, review, card, settings, scheduler, now)
			: rejected(review.id, 'No such card for this learner.');
	}
	return results;
}

async function applyOne(
	db: Database,
	userId: string,
	review: ReviewInput,
	card: ReviewableCard,
	settings: ReviewSettings,
	scheduler: Scheduler,
	now: Date
): Promise<ReviewResult> {
	try {
		return await db.transaction(async (tx) => {
			const known = await alreadyKnown(tx, userId, review);
			if (known) return withCard(tx, known, userId, card.id, scheduler, now);
			// Read once: captureBase and rescheduleCard both need the card before this review.
			const previous = await loadState(tx, userId, card.id);
			const log = await loadCardLog(tx, userId, card.id);
			await captureBase(tx, userId, card.id, now, previous, log.length > 0);
			const base = await loadBase(tx, userId, card.id);
			const changed = { ...review, rating: review.rating as Rating };
			const state = await rescheduleCard(tx, userId, card, changed, settings, scheduler, now, {
				row: previous,
				log,
				base,
				pending: { ...changed, cardId: card.id, receivedAt: now }
			});
			return {
				id: review.id,
				status: 'applied' as const,
				card: cardStateJson(card.id, state.memory, state, scheduler, now)
			};
		});
	} catch (error) {
		// Another request stored the same id between our check and insert: it was applied once.
		if (!isConstraintError(error)) throw error;
		const known = await alreadyKnown(db, userId, review);
		if (!known) throw error;
		return withCard(db, known, userId, card.id, scheduler, now);
	}
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

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
async function alreadyKnown(
	q: Database | Tx,
	userId: string,
	review: ReviewInput
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

async function withCard(
	q: Database | Tx,
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
	q: Database | Tx,
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
