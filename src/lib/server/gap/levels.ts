// A learner's level per skill: the latest rating, capped by the memory of the level's cards
// (the mastery rule in $lib/core/mastery).
import { count, eq } from 'drizzle-orm';
import {
	evidencedLevel,
	type EvidencedLevel,
	type LevelCards,
	type MemoryState
} from '$lib/core/mastery';
import { getDeckSource } from '$lib/server/content';
import { personalCard, user } from '$lib/server/db/schema';
import { firstReviewOf, learnerLog } from '$lib/server/reviews/log-cache';
import { learnerCards } from '$lib/server/reviews/card-cache';
import { minuteStart, perLearner } from '$lib/server/db/learner-cache';
import { latestRatings, type Queryable } from '$lib/server/assessments/store';

const key = (skillId: string, level: number) => `${skillId}@${level}`;

let builtIn: { counts: Map<string, number>; retired: Set<string> } | undefined;

/** Active built-in cards per skill and level, and the ids of retired ones (content is fixed). */
function builtInCards() {
	if (!builtIn) {
		const counts = new Map<string, number>();
		const retired = new Set<string>();
		for (const card of getDeckSource()) {
			if (card.retired) retired.add(card.id);
			else
				counts.set(
					key(card.skillId, card.level),
					(counts.get(key(card.skillId, card.level)) ?? 0) + 1
				);
		}
		builtIn = { counts, retired };
	}
	return builtIn;
}

/** The learner's personal FSRS parameters, or undefined for ts-fsrs's defaults. */
export async function fsrsParameters(db: Queryable, userId: string) {
	const [row] = await db.select({ params: user.fsrsParams }).from(user).where(eq(user.id, userId));
	if (!row?.params) return undefined;
	try {
		const parsed: unknown = JSON.parse(row.params);
		return Array.isArray(parsed) && parsed.every((n) => typeof n === 'number') ? parsed : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Evidenced levels of every skill the learner has rated or studied (or only `onlySkills`).
 * Level cards = active built-in cards + the learner's own cards of that skill and level.
 */
export async function evidencedLevels(
	db: Queryable,
	userId: string,
	now: Date,
	onlySkills?: ReadonlySet<string>
): Promise<ReadonlyMap<string, EvidencedLevel>> {
	// A page asks several times (the gap, the plan's check, calibration, the forecast) and a
	// learner moves between pages: every skill's level is worked out once a minute, at the
	// minute's start, and again once anything of the learner's changed. Memory fades over days:
	// a minute's rounding changes nothing a learner could see, and pages opened together agree.
	const minute = minuteStart(now);
	const all = await perLearner(db, userId, `levels|${minute.getTime()}`, () =>
		computeLevels(db, userId, minute)
	);
	if (!onlySkills) return all;
	return new Map([...all].filter(([skillId]) => onlySkills.has(skillId)));
}

async function computeLevels(
	db: Queryable,
	userId: string,
	now: Date
): Promise<Map<string, EvidencedLevel>> {
	const { counts, retired } = builtInCards();
	const [ratings, personal, states, log, parameters] = await Promise.all([
		latestRatings(db, userId),
		db
			.select({ skillId: personalCard.skillId, level: personalCard.level, n: count() })
			.from(personalCard)
			.where(eq(personalCard.userId, userId))
			.groupBy(personalCard.skillId, personalCard.level),
		learnerCards(db, userId),
		// Each card's first review: mastery counts the days since then.
		learnerLog(db, userId),
		fsrsParameters(db, userId)
	]);
	const firstReview = firstReviewOf(log);

	const totals = new Map(counts);
	for (const p of personal)
		totals.set(key(p.skillId, p.level), (totals.get(key(p.skillId, p.level)) ?? 0) + p.n);
	const memory = new Map<string, MemoryState[]>();
	for (const s of states) {
		if (retired.has(s.cardId)) continue;
		const k = key(s.skillId, s.level);
		let level = memory.get(k);
		if (!level) memory.set(k, (level = []));
		level.push({ ...s, firstReview: firstReview.get(s.cardId) });
	}

	const skills = new Set<string>([...ratings.keys(), ...states.map((s) => s.skillId)]);
	const result = new Map<string, EvidencedLevel>();
	for (const skillId of skills) {
		const cards: LevelCards[] = [1, 2, 3, 4].map((level) => ({
			level,
			total: totals.get(key(skillId, level)) ?? 0,
			states: memory.get(key(skillId, level)) ?? []
		}));
		result.set(skillId, evidencedLevel(ratings.get(skillId)?.level ?? 0, cards, now, parameters));
	}
	return result;
}
