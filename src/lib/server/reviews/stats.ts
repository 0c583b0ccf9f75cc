// The stats page's numbers: streak, heatmap, true retention, due forecast, mastery per skill.
import type { Database } from '$lib/server/db';
import { getDeckSource } from '$lib/server/content';
import { evidencedLevels } from '$lib/server/gap';
import {
	addDays,
	DAY_MS,
	dayKeyOf,
	dueForecast,
	logWorkDays,
	masteryBySkill,
	reviewsPerDay,
	streak,
	trueRetention,
	type CardStateCode,
	type Clock,
	type DayKey,
	type Retention,
	type SkillMastery,
	type StatsCard,
	type Streak,
	workDaysWith
} from '$lib/core/scheduling';
import { schedulerFor } from './scheduler';
import { getReviewSettings } from './settings';
import { firstReviewOf, firstSince, fromLog, learnerLog } from './log-cache';
import { memoryOf } from './store';
import { isScheduled, learnerCards } from './card-cache';
import { perLearner } from '$lib/server/db/learner-cache';
import type { Queryable } from './db';

export const HEATMAP_WEEKS = 26;
export const FORECAST_DAYS = 30;
const STREAK_LOOKBACK_DAYS = 400;

async function statsCards(db: Queryable, userId: string): Promise<StatsCard[]> {
	return (await learnerCards(db, userId)).map((row) => ({
		cardId: row.cardId,
		skillId: row.skillId,
		level: row.level,
		memory: row.state === 0 ? null : memoryOf(row),
		suspended: row.suspended,
		buriedUntil: row.buriedUntil
	}));
}

/** The current streak, from the last 400 days of reviews. */
export async function currentStreak(db: Queryable, userId: string, now: Date): Promise<number> {
	const settings = await getReviewSettings(db, userId);
	const clock: Clock = { now, timezone: settings.timezone, dayStartHour: settings.dayStartHour };
	const since = new Date(now.getTime() - STREAK_LOOKBACK_DAYS * 86_400_000);
	const log = await learnerLog(db, userId);
	const from = firstSince(log, since);
	// No review in the window: no streak, whatever is due.
	if (from === log.length) return 0;
	const today = dayKeyOf(now, clock.timezone, clock.dayStartHour);
	// The streak changes with the learner's day, not the instant: worked out once per day, zone
	// and window, and again once the learner's cards or log change (learner-cache.ts).
	const key = `streak|${today}|${clock.timezone}|${clock.dayStartHour}|${from}`;
	return perLearner(db, userId, key, async () => {
		const reviews = log.slice(from);
		const reviewDays = new Set(reviewsPerDay(reviews, clock).keys());
		// What the streak needs of the cards: when each studied, unsuspended card is due.
		const cards = (await learnerCards(db, userId)).filter(isScheduled).map(({ due, state }) => ({
			memory: { due, state: state as CardStateCode },
			suspended: false
		}));
		return streak(reviewDays, workDaysWith(logWorkDays(reviews, clock), cards, clock), today)
			.current;
	});
}

export interface Stats {
	today: DayKey;
	streak: Streak;
	totalReviews: number;
	/** Reviews per day for the heatmap: HEATMAP_WEEKS whole weeks ending with today's week. */
	heatmap: { day: DayKey; count: number }[];
	retention: Retention;
	desiredRetention: number;
	/** Cards due on each of the next FORECAST_DAYS days, today first. */
	forecast: { day: DayKey; count: number }[];
	mastery: (SkillMastery & { name: string })[];
}

export async function getStats(
	db: Database,
	userId: string,
	now: Date,
	skillName: (id: string) => string = (id) => id
): Promise<Stats> {
	const settings = await getReviewSettings(db, userId);
	const scheduler = schedulerFor(settings);
	const clock: Clock = { now, timezone: settings.timezone, dayStartHour: settings.dayStartHour };
	const today = dayKeyOf(now, clock.timezone, clock.dayStartHour);
	const [reviews, cards, levels] = await Promise.all([
		learnerLog(db, userId),
		statsCards(db, userId),
		evidencedLevels(db, userId, now)
	]);

	// What the whole log gives is kept with it (log-cache.ts); the cards are read every time.
	const { perDay, logWork } = fromLog(
		reviews,
		`stats|${clock.timezone}|${clock.dayStartHour}`,
		() => ({
			perDay: reviewsPerDay(reviews, clock),
			logWork: logWorkDays(reviews, clock)
		})
	);
	const firstSeen = firstReviewOf(reviews);
	const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
	// Columns are weeks Sunday → Saturday; the last column holds today.
	const first = addDays(today, -weekday - 7 * (HEATMAP_WEEKS - 1));
	const heatmap = Array.from({ length: HEATMAP_WEEKS * 7 }, (_, i) => {
		const day = addDays(first, i);
		return { day, count: perDay.get(day) ?? 0 };
	}).filter((cell) => cell.day <= today);

	const forecast = dueForecast(cards, clock, FORECAST_DAYS).map((count, i) => ({
		day: addDays(today, i),
		count
	}));

	// The levels reached: the gap's level (the latest rating capped by the evidence of
	// reviews), or the highest level the learner has studied cards of, whichever is higher.
	const reached = new Map([...levels].map(([skillId, l]) => [skillId, l.current]));
	for (const card of cards) {
		if (card.memory)
			reached.set(card.skillId, Math.max(reached.get(card.skillId) ?? 0, card.level));
	}
	// Cards not yet studied count towards coverage of the levels reached.
	const studied = new Set(cards.map((c) => c.cardId));
	const skills = new Set([...reached.keys(), ...cards.map((c) => c.skillId)]);
	const unstudied: StatsCard[] = getDeckSource()
		.filter((c) => !c.retired && skills.has(c.skillId) && !studied.has(c.id))
		.map((c) => ({
			cardId: c.id,
			skillId: c.skillId,
			level: c.level,
			memory: null,
			suspended: false,
			buriedUntil: null
		}));
	const mastery = masteryBySkill([...cards, ...unstudied], scheduler.w, now, reached, firstSeen)
		.filter((m) => m.level > 0 || m.reviewed > 0)
		.map((m) => ({ ...m, name: skillName(m.skillId) }));

	return {
		today,
		streak: streak(new Set(perDay.keys()), workDaysWith(logWork, cards, clock), today),
		totalReviews: reviews.length,
		heatmap,
		// The 30 learner days fit in the last 32 × 24 h, whatever the zone and rollover hour.
		retention: trueRetention(
			reviews.slice(firstSince(reviews, new Date(now.getTime() - 32 * DAY_MS))),
			clock,
			30
		),
		desiredRetention: settings.desiredRetention,
		forecast,
		mastery
	};
}
