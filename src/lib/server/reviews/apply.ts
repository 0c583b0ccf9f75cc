// POST /api/reviews: each review is checked on its own and applied exactly once. The review
// id (made on the client) is the primary key of review_log with the learner's id, so a retry,
// a duplicate in the same batch, or the same review sent by two tabs at once is recognised and
// changes nothing — and another learner's ids are invisible: the same id is simply new here.
import * as v from 'valibot';
import type { Database } from '$lib/server/db';
import { writeTogether } from '$lib/server/db/write-together';
import { validate } from '$lib/server/validation';
import { isoTimeSchema } from '$lib/core/iso-time';
import type { Rating, ReviewSettings, Scheduler } from '$lib/core/scheduling';
import { findReviewableCards, type ReviewableCard } from './catalog';
import { applyCredit } from './credit';
import { cardStateJson } from './json';
import { alreadyKnown, withCard, type ReviewResult } from './known';
import { appendReview, appendsInOrder, loadTail } from './append';
import { rescheduleCard, type PendingReview, type Rescheduled } from './reschedule';
import { reviewScheduler } from './peak';
import { readReviewSettings } from './settings';
import { captureBase, loadBase, loadCardLog, type CardStateRow } from './store';

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

export type { ReviewResult };

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

	const settings = await readReviewSettings(db, userId);
	const cards = await findReviewableCards(
		db,
		userId,
		valid.map((v) => v.review.cardId)
	);
	// schedulerFor(settings), or interview-date mode's scheduler while it is on (peak.ts).
	const scheduler = await reviewScheduler(db, userId, settings, cards, now);
	// In review order, so reviews that arrive together rarely need a recompute.
	valid.sort((a, b) => a.review.reviewedAt.getTime() - b.review.reviewedAt.getTime());
	const batch: Batch = { userId, valid, cards, settings, scheduler, now };
	const write = async (tx: Database) => {
		const written = await applyBatch(tx, batch);
		// Work that must commit with these reviews, or not at all, runs here: `tx` and
		// `written.applied` (the reviews this request added, in review order).
		await applyCredit(tx, userId, written.applied, settings, scheduler, now);
		return written;
	};
	let written: Written;
	try {
		// Shares one transaction and one commit with other learners' syncs (group commit);
		// resolves only when that commit is durable.
		written = await writeTogether(db, write);
	} catch (error) {
		// Another process stored the same id between our check and insert: once more, the
		// stored-id check now answers for it.
		if (!isConstraintError(error)) throw error;
		written = await writeTogether(db, write);
	}
	for (const [index, result] of written.results) results[index] = result;
	return results;
}

interface Batch {
	userId: string;
	valid: { index: number; review: ReviewInput }[];
	cards: Map<string, ReviewableCard>;
	settings: ReviewSettings;
	scheduler: Scheduler;
	now: Date;
}

export interface AppliedReview extends PendingReview {
	card: ReviewableCard;
	/** The card after this review. */
	state: Rescheduled;
}

interface Written {
	results: [number, ReviewResult][];
	applied: AppliedReview[];
}

async function applyBatch(tx: Database, batch: Batch): Promise<Written> {
	const written: Written = { results: [], applied: [] };
	for (const { index, review } of batch.valid) {
		const card = batch.cards.get(review.cardId);
		if (!card) {
			written.results.push([index, rejected(review.id, 'No such card for this learner.')]);
			continue;
		}
		const result = await applyOne(tx, batch, review, card);
		written.results.push([index, result.result]);
		if (result.applied) written.applied.push(result.applied);
	}
	return written;
}

async function applyOne(
	tx: Database,
	batch: Batch,
	review: ReviewInput,
	card: ReviewableCard
): Promise<{ result: ReviewResult; applied?: AppliedReview }> {
	const { userId, settings, scheduler, now } = batch;
	const known = await alreadyKnown(tx, userId, review);
	if (known) return { result: await withCard(tx, known, userId, card.id, scheduler, now) };
	const tail = await loadTail(tx, userId, card.id);
	const changed = { ...review, rating: review.rating as Rating };
	const pending: PendingReview = { ...changed, cardId: card.id, receivedAt: now };
	const state = appendsInOrder(tail, pending)
		? await appendReview(tx, userId, card, pending, tail.row, settings, scheduler)
		: await replayLog(tx, batch, card, pending, tail.row);
	return {
		result: {
			id: review.id,
			status: 'applied',
			card: cardStateJson(card.id, state.memory, state, scheduler, now)
		},
		applied: { ...pending, card, state }
	};
}

/** A late review, or a state that is not its log's fold: the card's whole log is replayed. */
async function replayLog(
	tx: Database,
	{ userId, settings, scheduler, now }: Batch,
	card: ReviewableCard,
	pending: PendingReview,
	previous: CardStateRow | undefined
): Promise<Rescheduled> {
	const log = await loadCardLog(tx, userId, card.id);
	await captureBase(tx, userId, card.id, now, previous, log.length > 0);
	const base = await loadBase(tx, userId, card.id);
	return rescheduleCard(tx, userId, card, pending, settings, scheduler, now, {
		row: previous,
		log,
		base,
		pending
	});
}
