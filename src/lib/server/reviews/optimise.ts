// Personal FSRS parameters: offered from MIN_REVIEWS_TO_OPTIMISE reviews on, fitted in a
// worker (fit.ts), shown as before/after on the learner's own reviews, applied on request.
// Applying recomputes every card from its log with the new parameters.
import { and, count, eq } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import {
	MIN_REVIEWS_TO_OPTIMISE,
	Scheduler,
	trainingItems,
	type Rating,
	type ReviewSettings
} from '$lib/core/scheduling';
import { fitParameters } from './fit';
import { findReviewableCards } from './catalog';
import { rescheduleCard } from './reschedule';
import { refoldAllCredit } from './credit-refold';
import { getReviewSettings } from './settings';
import type { FsrsFitRow } from '$lib/server/db/schema';

/** A fit still "running" after this long died with its process. */
const STALE_MS = 10 * 60_000;

export interface FitStatus {
	reviews: number;
	needed: number;
	eligible: boolean;
	personal: boolean;
	fit: FsrsFitRow | null;
}

export async function fitStatus(db: Database, userId: string, now: Date): Promise<FitStatus> {
	const [[reviews], [fit], settings] = await Promise.all([
		db.select({ n: count() }).from(table.reviewLog).where(eq(table.reviewLog.userId, userId)),
		db.select().from(table.fsrsFit).where(eq(table.fsrsFit.userId, userId)),
		getReviewSettings(db, userId)
	]);
	const n = reviews?.n ?? 0;
	const stale = fit?.status === 'running' && now.getTime() - fit.startedAt.getTime() > STALE_MS;
	return {
		reviews: n,
		needed: MIN_REVIEWS_TO_OPTIMISE,
		eligible: n >= MIN_REVIEWS_TO_OPTIMISE,
		personal: settings.params !== null,
		fit:
			fit && stale ? { ...fit, status: 'failed', error: 'The fit was interrupted.' } : (fit ?? null)
	};
}

/**
 * What the optimiser trains on: the learner's real reviews, review_log only. Implicit credit
 * (review_credit) is the app's guess, not an observed recall, and never enters a fit.
 */
export async function trainingInput(db: Database, userId: string, settings: ReviewSettings) {
	const rows = await db
		.select({
			id: table.reviewLog.id,
			cardId: table.reviewLog.cardId,
			rating: table.reviewLog.rating,
			reviewedAt: table.reviewLog.reviewedAt
		})
		.from(table.reviewLog)
		.where(eq(table.reviewLog.userId, userId));
	const items = trainingItems(
		rows.map((r) => ({ ...r, rating: r.rating as Rating })),
		settings.timezone,
		settings.dayStartHour
	);
	return { items, reviewCount: rows.length };
}

/**
 * Starts a fit and returns at once; `done` settles when the worker has finished and the
 * result is stored (tests await it; requests do not).
 */
export async function startFit(
	db: Database,
	userId: string,
	now: Date
): Promise<{ started: boolean; reason?: string; done: Promise<void> }> {
	const status = await fitStatus(db, userId, now);
	if (!status.eligible)
		return {
			started: false,
			reason: `Fitting needs ${MIN_REVIEWS_TO_OPTIMISE} reviews; you have ${status.reviews}.`,
			done: Promise.resolve()
		};
	if (status.fit?.status === 'running')
		return { started: false, reason: 'A fit is already running.', done: Promise.resolve() };

	const settings = await getReviewSettings(db, userId);
	const { items, reviewCount } = await trainingInput(db, userId, settings);
	const started = {
		status: 'running' as const,
		reviewCount,
		params: null,
		before: null,
		after: null,
		error: null,
		startedAt: now,
		finishedAt: null
	};
	await db
		.insert(table.fsrsFit)
		.values({ userId, ...started })
		.onConflictDoUpdate({ target: table.fsrsFit.userId, set: started });

	const current = new Scheduler(settings).w;
	const done = fitParameters(items, current, settings.relearningSteps.length).then(
		async (result) => {
			await db
				.update(table.fsrsFit)
				.set({ status: 'done', ...result, finishedAt: new Date() })
				.where(eq(table.fsrsFit.userId, userId));
		},
		async (error: unknown) => {
			await db
				.update(table.fsrsFit)
				.set({ status: 'failed', error: String(error), finishedAt: new Date() })
				.where(eq(table.fsrsFit.userId, userId));
		}
	);
	return { started: true, done };
}

/** Applies a finished fit: the learner's parameters change and every card is recomputed. */
export async function applyFit(db: Database, userId: string, now: Date): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [fit] = await tx
			.select()
			.from(table.fsrsFit)
			.where(and(eq(table.fsrsFit.userId, userId), eq(table.fsrsFit.status, 'done')));
		if (!fit?.params) return false;
		await tx
			.update(table.user)
			.set({ fsrsParams: JSON.stringify(fit.params) })
			.where(eq(table.user.id, userId));
		await tx
			.update(table.fsrsFit)
			.set({ status: 'applied' })
			.where(eq(table.fsrsFit.userId, userId));

		const settings = await getReviewSettings(tx, userId);
		const scheduler = new Scheduler(settings);
		const firsts = await tx
			.select({
				cardId: table.reviewLog.cardId,
				id: table.reviewLog.id,
				rating: table.reviewLog.rating,
				reviewedAt: table.reviewLog.reviewedAt
			})
			.from(table.reviewLog)
			.where(eq(table.reviewLog.userId, userId))
			.orderBy(table.reviewLog.reviewedAt, table.reviewLog.id);
		const first = new Map<string, (typeof firsts)[number]>();
		for (const row of firsts) if (!first.has(row.cardId)) first.set(row.cardId, row);
		const cards = await findReviewableCards(tx, userId, [...first.keys()]);
		for (const [cardId, review] of first) {
			const card = cards.get(cardId);
			if (!card) continue;
			const changed = { ...review, rating: review.rating as Rating };
			await rescheduleCard(tx, userId, card, changed, settings, scheduler, now);
		}
		// The replays left implicit credit out: it goes back on under the new parameters.
		await refoldAllCredit(tx, userId, settings, scheduler);
		return true;
	});
}
