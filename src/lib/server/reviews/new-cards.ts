// The new cards a learner meets today: the learner's own cards not yet studied, oldest
// first, then the study plan's cards in plan order (H-plan: the steps done, under way and
// ahead) — or, without a plan, the built-in cards of the active target's gap skills, lowest
// level first (a level's evidence needs its cards before the next level's). Capped by the
// new-cards-per-day setting and the plan's pace, minus those already started today. When
// none is left, `note` says why and what to do ($lib/core/no-new-cards).
import { and, count, eq, gte, lt } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { getDeck } from '$lib/server/content';
import { learnerDay } from '$lib/core/scheduling';
import type { Queryable } from './db';
import { getReviewSettings } from './settings';
import { learnerCards } from './card-cache';
import { getActiveTargetGap } from '$lib/server/gap';
import type { Database } from '$lib/server/db';
import { minuteStart, perLearner } from '$lib/server/db/learner-cache';
import { currentPlanCards } from '$lib/server/plan/service';
import { noNewCardsNote, noNewCardsReason, type NoNewCardsNote } from '$lib/core/no-new-cards';

export interface NewCard {
	id: string;
	skillId: string;
	level: number;
	personal: boolean;
}

export interface NewCardsToday {
	cards: NewCard[];
	/** The learner's daily limit. */
	limit: number;
	/** New cards already reviewed for the first time today. */
	startedToday: number;
	/** Why there are no new cards today, when there are none. */
	note: NoNewCardsNote | null;
}

/** Cards first studied today: reviews today of a card that was new when reviewed. */
export async function countStartedToday(db: Queryable, userId: string, now: Date) {
	const settings = await getReviewSettings(db, userId);
	const day = learnerDay(now, settings.timezone, settings.dayStartHour);
	const [row] = await db
		.select({ n: count() })
		.from(table.reviewLog)
		.where(
			and(
				eq(table.reviewLog.userId, userId),
				eq(table.reviewLog.stateBefore, 0),
				gte(table.reviewLog.reviewedAt, day.start),
				lt(table.reviewLog.reviewedAt, day.end)
			)
		);
	return row?.n ?? 0;
}

export async function newCardsForToday(
	db: Database,
	userId: string,
	now: Date
): Promise<NewCardsToday> {
	const settings = await getReviewSettings(db, userId);
	const startedToday = await countStartedToday(db, userId, now);
	// H-plan: with a study plan, its pacing also caps the day's new cards, so the reviews they
	// create stay inside the learner's time budget ($lib/core/plan/review-load.ts).
	const plan = await currentPlanCards(db, userId, now);
	const dailyCap = plan
		? Math.min(settings.newCardsPerDay, plan.newPerDay)
		: settings.newCardsPerDay;
	const remaining = Math.max(0, dailyCap - startedToday);
	const result: NewCardsToday = {
		cards: [],
		limit: settings.newCardsPerDay,
		startedToday,
		note: null
	};
	const explain = () => {
		if (result.cards.length > 0) return result;
		const reason = noNewCardsReason({
			hasPlan: plan !== null,
			limit: settings.newCardsPerDay,
			pace: plan?.newPerDay ?? null,
			minutesPerDay: plan?.minutesPerDay ?? null,
			startedToday,
			stepsLeft: plan?.stepsLeft ?? false
		});
		result.note = noNewCardsNote(reason);
		return result;
	};
	if (remaining === 0) return explain();

	// Any state row means the card was studied, or set aside (suspended, buried) by hand.
	const seen = new Set((await learnerCards(db, userId)).map((s) => s.cardId));

	const personal = await db
		.select({
			id: table.personalCard.id,
			skillId: table.personalCard.skillId,
			level: table.personalCard.level
		})
		.from(table.personalCard)
		.where(eq(table.personalCard.userId, userId))
		.orderBy(table.personalCard.createdAt, table.personalCard.id);
	for (const card of personal) {
		if (result.cards.length >= remaining) return result;
		if (!seen.has(card.id)) result.cards.push({ ...card, personal: true });
	}

	// H-plan: the plan's cards, in plan order, take the place of the gap-skill order below.
	if (plan) {
		const deck = new Map((await getDeck()).map((c) => [c.id, c]));
		for (const id of plan.cardIds) {
			if (result.cards.length >= remaining) break;
			const card = deck.get(id);
			if (card && !card.retired && !seen.has(id)) {
				result.cards.push({ id, skillId: card.skillId, level: card.level, personal: false });
			}
		}
		return explain();
	}

	const entries = (await getActiveTargetGap(db, userId, now))?.entries ?? [];
	const gap = new Map(entries.filter((e) => e.gap > 0).map((e) => [e.skillId, e]));
	if (gap.size === 0) return explain();
	const deck = (await getDeck())
		.filter((c) => !c.retired && !seen.has(c.id))
		.filter((c) => c.level <= (gap.get(c.skillId)?.target ?? 0))
		.sort(
			(a, b) =>
				a.level - b.level ||
				(gap.get(b.skillId)?.weight ?? 0) - (gap.get(a.skillId)?.weight ?? 0) ||
				a.skillId.localeCompare(b.skillId) ||
				a.id.localeCompare(b.id)
		);
	for (const card of deck.slice(0, remaining - result.cards.length)) {
		result.cards.push({ id: card.id, skillId: card.skillId, level: card.level, personal: false });
	}
	return explain();
}

/**
 * The day's new cards as of the start of this minute, kept until anything of the learner's
 * changes: every queue request asks, and its five reads and the plan check were a tenth of
 * the request. The same minute rule as the levels they follow from (gap/levels.ts); a day
 * rolls over on the hour, so the minute's start is always in the same learner day. Shared:
 * callers must not change it.
 */
export function newCardsThisMinute(
	db: Database,
	userId: string,
	now: Date
): Promise<NewCardsToday> {
	const minute = minuteStart(now);
	return perLearner(db, userId, `new cards|${minute.getTime()}`, () =>
		newCardsForToday(db, userId, minute)
	);
}
