// Interview-date mode on the server: the scheduler a learner's reviews go through while the
// mode is on, and bringing stored due dates forward when it is switched on or its date moves.
// The rule itself is core/scheduling/peak-date.ts.
import { and, eq, gte } from 'drizzle-orm';
import * as table from '$lib/server/db/schema';
import { DAY_MS, dayStartOf, type Scheduler } from '$lib/core/scheduling';
import { PeakScheduler, peakDue, type PeakDate } from '$lib/core/scheduling/peak-date';
import { getActiveTarget } from '$lib/server/targets/store';
import type { Queryable } from './db';
import { schedulerFor } from './scheduler';
import { getReviewSettings, type LearnerReviewSettings } from './settings';

interface PeakMode {
	peak: PeakDate;
	/** Cards of the active target's skills, up to the level the target asks. */
	isTarget: (card: { skillId: string; level: number }) => boolean;
}

/** The mode as the learner set it, or null when it is off, has no date or no active target. */
async function peakMode(
	db: Queryable,
	userId: string,
	settings: LearnerReviewSettings,
	now: Date
): Promise<PeakMode | null> {
	const { on, level, date } = settings.peakDate;
	if (!on || !date) return null;
	// The date counts from the start of the learner's day: recall should peak before the interview.
	const at = dayStartOf(date, settings.timezone, settings.dayStartHour);
	if (now.getTime() >= at.getTime()) return null;
	const target = await getActiveTarget(db, userId);
	if (!target) return null;
	const levels = new Map(target.skills.map((s) => [s.id, s.targetLevel]));
	return {
		peak: { at, level },
		isTarget: (card) => (levels.get(card.skillId) ?? 0) >= card.level
	};
}

/** The scheduler for a batch of reviews: the mode's on the target cards while it is on. */
export async function reviewScheduler(
	db: Queryable,
	userId: string,
	settings: LearnerReviewSettings,
	cards: ReadonlyMap<string, { skillId: string; level: number }>,
	now: Date
): Promise<Scheduler> {
	const mode = await peakMode(db, userId, settings, now);
	if (!mode) return schedulerFor(settings);
	return new PeakScheduler(
		settings,
		mode.peak,
		(id) => {
			const card = cards.get(id);
			return card !== undefined && mode.isTarget(card);
		},
		now
	);
}

/**
 * Target cards already scheduled on or after the date that the date would find below the level
 * (reviewed before the mode was on, or under another date) get the due date the mode would have
 * given them. Returns how many moved.
 */
export async function bringForward(db: Queryable, userId: string, now: Date): Promise<number> {
	const settings = await getReviewSettings(db, userId);
	const mode = await peakMode(db, userId, settings, now);
	if (!mode) return 0;
	const w = schedulerFor(settings).w;
	const mine = eq(table.cardState.userId, userId);
	const rows = await db
		.select()
		.from(table.cardState)
		.where(and(mine, gte(table.cardState.due, mode.peak.at)));
	let moved = 0;
	for (const row of rows) {
		if (row.state !== 2 || !mode.isTarget(row)) continue;
		const due = peakDue(w, row, mode.peak, now);
		if (due.getTime() >= row.due.getTime()) continue;
		const scheduledDays = Math.round((due.getTime() - row.lastReview!.getTime()) / DAY_MS);
		await db
			.update(table.cardState)
			.set({ due, scheduledDays })
			.where(and(mine, eq(table.cardState.cardId, row.cardId)));
		moved++;
	}
	return moved;
}
