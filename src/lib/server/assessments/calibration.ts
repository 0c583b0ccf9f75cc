// Calibration: skills whose self-rating and review record disagree (rules in
// $lib/core/assessment/calibration).
import { and, count, eq, isNull, or, sql } from 'drizzle-orm';
import { calibrate, type Calibration, type LevelRecall } from '$lib/core/assessment';
import type { Database } from '$lib/server/db';
import { cardState, reviewLog } from '$lib/server/db/schema';
import { evidencedLevels } from '$lib/server/gap/levels';
import { perLearner } from '$lib/server/db/learner-cache';

/**
 * Reviews and recalls (rated Hard or better) per skill and level, from review_log. Only reviews
 * of cards in the Review state count (or of unknown state, from older imports): a learning step
 * minutes after first sight says little about what the learner knows.
 */
export function recallByLevel(
	db: Database,
	userId: string
): Promise<ReadonlyMap<string, LevelRecall[]>> {
	return perLearner(db, userId, 'recall by level', () => readRecall(db, userId));
}

async function readRecall(db: Database, userId: string) {
	const rows = await db
		.select({
			skillId: cardState.skillId,
			level: cardState.level,
			reviews: count(),
			recalled: sql<number>`sum(case when ${reviewLog.rating} > 1 then 1 else 0 end)`
		})
		.from(reviewLog)
		.innerJoin(
			cardState,
			and(eq(cardState.userId, reviewLog.userId), eq(cardState.cardId, reviewLog.cardId))
		)
		.where(
			and(
				eq(reviewLog.userId, userId),
				or(eq(reviewLog.stateBefore, 2), isNull(reviewLog.stateBefore))
			)
		)
		.groupBy(cardState.skillId, cardState.level);
	const bySkill = new Map<string, LevelRecall[]>();
	for (const r of rows) {
		let levels = bySkill.get(r.skillId);
		if (!levels) bySkill.set(r.skillId, (levels = []));
		levels.push({ level: r.level, reviews: r.reviews, recalled: Number(r.recalled) });
	}
	return bySkill;
}

export interface CalibrationItem extends Calibration {
	skillId: string;
}

/** Every rated skill where rating and recall (or fading memory) disagree. */
export async function calibrationItems(
	db: Database,
	userId: string,
	now: Date,
	onlySkills?: ReadonlySet<string>
): Promise<CalibrationItem[]> {
	const [recall, levels] = await Promise.all([
		recallByLevel(db, userId),
		evidencedLevels(db, userId, now, onlySkills)
	]);
	const items: CalibrationItem[] = [];
	for (const [skillId, evidence] of levels) {
		const note = calibrate(evidence.selfRated, recall.get(skillId) ?? [], evidence);
		if (note) items.push({ skillId, ...note });
	}
	return items;
}
