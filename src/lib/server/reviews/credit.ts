// Credit through prerequisites in the app (core: scheduling/credit.ts and credit-fold.ts).
// When the learner has it on, a passed (Good/Easy) review of a card at skill S, level ℓ gives
// the studied cards of what S at ℓ requires a discounted review — a credit event in
// review_credit, never a review_log row — and a failed one (Again) brings the weakest cards
// of its direct prerequisites forward. It runs inside the review's own write transaction, so
// a crash leaves the review and its credit together or neither.
import { and, eq, inArray, ne } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { getGraph } from '$lib/server/content';
import { DAY_MS, dayKeyOf, type ReviewSettings, type Scheduler } from '$lib/core/scheduling';
import { creditedLevels, creditFraction, weakestCards } from '$lib/core/scheduling/credit';
import { appendCredit, type CreditKind } from '$lib/core/scheduling/credit-fold';
import type { Queryable } from './db';
import { captureBase, memoryColumns, memoryOf, type CardStateRow } from './store';
import { creditsOn, refoldCards, withLog } from './credit-refold';

/** What credit needs of a review that was just applied. */
export interface CreditSource {
	id: string;
	rating: number;
	reviewedAt: Date;
	card: { id: string; skillId: string; level: number };
}

interface Target {
	row: CardStateRow;
	kind: CreditKind;
	fraction: number;
}

/**
 * Gives the credit of reviews just applied in `tx` (in review order); nothing when the
 * learner has credit off. Also recomputes a reviewed card that carries credit itself: a late
 * review can move which of its credit still counts.
 */
export async function applyCredit(
	tx: Queryable,
	userId: string,
	applied: readonly CreditSource[],
	settings: ReviewSettings,
	scheduler: Scheduler,
	now: Date
): Promise<void> {
	if (!settings.creditPrerequisites) return;
	const dayOf = (d: Date) => dayKeyOf(d, settings.timezone, settings.dayStartHour);
	for (const review of applied) {
		const targets = await targetsOf(tx, userId, review, dayOf, scheduler);
		const ids = targets.map((t) => t.row.cardId);
		// Neither runs a query for no cards.
		const prior = await creditsOn(tx, userId, ids);
		const logged = await withLog(tx, userId, ids);
		const refold: string[] = [];
		for (const { row, kind, fraction } of targets) {
			// Credit changes a state the log does not explain: keep a seeded one as the base.
			await captureBase(tx, userId, row.cardId, now, row, logged.has(row.cardId));
			const event = { reviewId: review.id, kind, fraction, creditedAt: review.reviewedAt };
			const before = memoryOf(row);
			const step = appendCredit(
				scheduler,
				row.cardId,
				before,
				prior.get(row.cardId) ?? [],
				event,
				dayOf
			);
			const after = step?.memory ?? before;
			await tx
				.insert(table.reviewCredit)
				.values({
					userId,
					cardId: row.cardId,
					...event,
					stabilityBefore: before.stability,
					dueBefore: before.due,
					stabilityAfter: after.stability,
					dueAfter: after.due
				})
				.onConflictDoNothing();
			if (!step) refold.push(row.cardId);
			else if (after !== before)
				await tx
					.update(table.cardState)
					.set(memoryColumns(after))
					.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, row.cardId)));
		}
		if (refold.length > 0) await refoldCards(tx, userId, refold, settings, scheduler, false);
		await refoldCards(tx, userId, [review.card.id], settings, scheduler, true);
	}
}

/** The studied, unsuspended cards in review state of these (skill, level) pairs. */
async function cardsAt(
	tx: Queryable,
	userId: string,
	levels: readonly { skillId: string; level: number }[],
	except: string
): Promise<CardStateRow[]> {
	if (levels.length === 0) return [];
	const wanted = new Set(levels.map((l) => `${l.skillId}@${l.level}`));
	const rows = await tx
		.select()
		.from(table.cardState)
		.where(
			and(
				eq(table.cardState.userId, userId),
				inArray(table.cardState.skillId, [...new Set(levels.map((l) => l.skillId))]),
				eq(table.cardState.state, 2),
				eq(table.cardState.suspended, false),
				ne(table.cardState.cardId, except)
			)
		);
	return rows.filter((row) => wanted.has(`${row.skillId}@${row.level}`));
}

async function targetsOf(
	tx: Queryable,
	userId: string,
	review: CreditSource,
	dayOf: (at: Date) => string,
	scheduler: Scheduler
): Promise<Target[]> {
	const { skillId, level } = review.card;
	const at = review.reviewedAt;
	if (review.rating >= 3) {
		const levels = creditedLevels(getGraph(), skillId, level);
		const distance = new Map(levels.map((l) => [`${l.skillId}@${l.level}`, l.distance]));
		// A card really reviewed that day (or since) needs no credit: the review counted.
		return (await cardsAt(tx, userId, levels, review.card.id))
			.filter((row) => row.lastReview && dayOf(row.lastReview) < dayOf(at))
			.map((row) => ({
				row,
				kind: 'credit' as const,
				fraction: creditFraction(distance.get(`${row.skillId}@${row.level}`) ?? 0)
			}))
			.filter((t) => t.fraction > 0);
	}
	if (review.rating === 1) {
		const direct = creditedLevels(getGraph(), skillId, level, 1);
		const candidates = (await cardsAt(tx, userId, direct, review.card.id))
			.filter(
				(row) => row.lastReview && row.lastReview < at && row.due.getTime() > at.getTime() + DAY_MS
			)
			.map((row) => ({ row, retrievability: scheduler.retrievability(memoryOf(row), at) }));
		return weakestCards(candidates).map(({ row }) => ({
			row,
			kind: 'forward' as const,
			fraction: 0
		}));
	}
	return [];
}
