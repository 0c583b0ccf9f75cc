// Numbers for the stats page, computed from the review log and the current card states.
import { addDays, dayKeyOf, daysBetween, type DayKey } from './day';
import { masteryOf } from '../mastery';
import { type CardMemory, type CardStateCode, type Rating } from './scheduler';

export interface StatsReview {
	cardId: string;
	rating: Rating;
	reviewedAt: Date;
	/** The card's state when it was reviewed (2 = review). */
	stateBefore: CardStateCode;
	/** The due date this review gave the card. */
	dueAfter: Date;
}

export interface StatsCard {
	cardId: string;
	skillId: string;
	level: number;
	/** Null for a card never reviewed. */
	memory: CardMemory | null;
	suspended: boolean;
	buriedUntil: Date | null;
}

/** What the days-with-work rule reads of a card. */
export interface WorkCard {
	memory: Pick<CardMemory, 'due' | 'state'> | null;
	suspended: boolean;
}

export interface Clock {
	now: Date;
	timezone: string;
	dayStartHour: number;
}

const EPOCH: DayKey = '1970-01-01';

const dayOf = (instant: Date, clock: Clock) =>
	dayKeyOf(instant, clock.timezone, clock.dayStartHour);

/** Reviews per learner day (the heatmap). */
export function reviewsPerDay(reviews: readonly StatsReview[], clock: Clock): Map<DayKey, number> {
	const counts = new Map<DayKey, number>();
	for (const review of reviews) {
		const day = dayOf(review.reviewedAt, clock);
		counts.set(day, (counts.get(day) ?? 0) + 1);
	}
	return counts;
}

/**
 * Learner days on which at least one card was due: from the due date a review gave a card
 * until the card's next review; for a card's latest review, until today if it is still
 * scheduled (a suspended or deleted card makes no work).
 */
export function daysWithWork(
	reviews: readonly StatsReview[],
	cards: readonly WorkCard[],
	clock: Clock
): Set<DayKey> {
	return workDaysWith(logWorkDays(reviews, clock), cards, clock);
}

/**
 * The log's share of daysWithWork, as day numbers since 1970: it depends on the log alone, so
 * a caller may keep it while the log is unchanged.
 */
export function logWorkDays(reviews: readonly StatsReview[], clock: Clock): Set<number> {
	const byCard = new Map<string, StatsReview[]>();
	for (const review of reviews) {
		const list = byCard.get(review.cardId) ?? [];
		list.push(review);
		byCard.set(review.cardId, list);
	}
	// Day numbers, not keys, while marking: an overdue card can span months of days.
	const work = new Set<number>();
	for (const list of byCard.values()) {
		list.sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
		list.forEach((review, i) => {
			const next = list[i + 1];
			if (next) markDays(work, dayOf(review.dueAfter, clock), dayOf(next.reviewedAt, clock));
		});
	}
	return work;
}

/** daysWithWork from the log's share (logWorkDays) and the cards as they are now. */
export function workDaysWith(
	logWork: ReadonlySet<number>,
	cards: readonly WorkCard[],
	clock: Clock
): Set<DayKey> {
	const today = dayOf(clock.now, clock);
	const work = new Set(logWork);
	for (const card of cards) {
		if (!card.memory || card.memory.state === 0 || card.suspended) continue;
		markDays(work, dayOf(card.memory.due, clock), today);
	}
	return new Set([...work].map((day) => addDays(EPOCH, day)));
}

function markDays(work: Set<number>, from: DayKey, to: DayKey) {
	for (let day = daysBetween(EPOCH, from), end = daysBetween(EPOCH, to); day <= end; day++) {
		work.add(day);
	}
}

export interface Streak {
	current: number;
	longest: number;
}

/**
 * Consecutive days with reviews. A day with nothing due neither counts nor breaks the run;
 * today cannot break it before it is over.
 */
export function streak(
	reviewDays: ReadonlySet<DayKey>,
	workDays: ReadonlySet<DayKey>,
	today: DayKey
): Streak {
	if (reviewDays.size === 0) return { current: 0, longest: 0 };
	const first = [...reviewDays].sort()[0] as DayKey;
	let run = 0;
	let longest = 0;
	for (let day = first; daysBetween(day, today) >= 0; day = addDays(day, 1)) {
		if (reviewDays.has(day)) run += 1;
		else if (workDays.has(day) && day !== today) run = 0;
		longest = Math.max(longest, run);
	}
	return { current: run, longest };
}

export interface Retention {
	reviews: number;
	passed: number;
	/** Null when there were no reviews of cards in review state. */
	retention: number | null;
}

/** True retention over the last `days` learner days: review-state reviews not rated Again. */
export function trueRetention(reviews: readonly StatsReview[], clock: Clock, days = 30): Retention {
	const from = addDays(dayOf(clock.now, clock), -(days - 1));
	let total = 0;
	let passed = 0;
	for (const review of reviews) {
		if (review.stateBefore !== 2) continue;
		if (daysBetween(from, dayOf(review.reviewedAt, clock)) < 0) continue;
		if (review.reviewedAt.getTime() > clock.now.getTime()) continue;
		total += 1;
		if (review.rating !== 1) passed += 1;
	}
	return { reviews: total, passed, retention: total ? passed / total : null };
}

/** Cards due on each of the next `days` learner days, today first; overdue cards count today. */
export function dueForecast(cards: readonly StatsCard[], clock: Clock, days = 30): number[] {
	const today = dayOf(clock.now, clock);
	const counts = new Array<number>(days).fill(0);
	for (const card of cards) {
		if (!card.memory || card.memory.state === 0 || card.suspended) continue;
		let offset = Math.max(0, daysBetween(today, dayOf(card.memory.due, clock)));
		const buried = card.buriedUntil && card.buriedUntil.getTime() > clock.now.getTime();
		if (buried && offset === 0) offset = 1;
		if (offset < days) counts[offset] = (counts[offset] ?? 0) + 1;
	}
	return counts;
}

export interface SkillMastery {
	skillId: string;
	/**
	 * Mastery of the cards at or below the level reached ($lib/core/mastery: retrievability now
	 * × proven days ÷ 21, summed over the cards and divided by their number); null without cards.
	 */
	mastery: number | null;
	reviewed: number;
	/** Cards at or below the level reached, reviewed or not. */
	cards: number;
	level: number;
}

/** The first review of each card in a log. */
export function firstReviews(reviews: readonly StatsReview[]): Map<string, Date> {
	const first = new Map<string, Date>();
	for (const r of reviews) {
		const seen = first.get(r.cardId);
		if (!seen || r.reviewedAt < seen) first.set(r.cardId, r.reviewedAt);
	}
	return first;
}

/**
 * Mastery per skill over the cards of the levels reached. `reached` gives each skill's current
 * level; without it, a skill's level is the highest level among its reviewed cards. `first`
 * gives each card's first review (see firstReviews): without one a card proves nothing yet.
 */
export function masteryBySkill(
	cards: readonly StatsCard[],
	w: readonly number[],
	now: Date,
	reached?: ReadonlyMap<string, number>,
	first: ReadonlyMap<string, Date> = new Map()
): SkillMastery[] {
	const bySkill = new Map<string, StatsCard[]>();
	for (const card of cards) {
		const list = bySkill.get(card.skillId) ?? [];
		list.push(card);
		bySkill.set(card.skillId, list);
	}
	const out: SkillMastery[] = [];
	for (const [skillId, list] of bySkill) {
		const reviewedCards = list.filter((c) => c.memory && c.memory.state !== 0);
		const level = reached?.get(skillId) ?? Math.max(0, ...reviewedCards.map((c) => c.level));
		const inScope = list.filter((c) => c.level <= level);
		const reviewed = inScope.filter((c) => c.memory && c.memory.state !== 0);
		if (reviewed.length === 0 && !reached?.has(skillId)) continue;
		const states = reviewed.map((c) => ({ ...c.memory!, firstReview: first.get(c.cardId) }));
		out.push({
			skillId,
			level,
			mastery: masteryOf(states, inScope.length, now, w),
			reviewed: reviewed.length,
			cards: inScope.length
		});
	}
	return out.sort((a, b) => (a.skillId < b.skillId ? -1 : 1));
}
