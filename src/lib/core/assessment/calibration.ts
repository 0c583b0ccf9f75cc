// Where a learner's self-rating and their recall disagree, once they have reviewed a skill.
//
// Recall of a level = share of its cards' reviews (in the Review state, from review_log) not
// rated Again. A level needs at least MIN_REVIEWS reviews to speak.
// - Too high: the lowest level at or under the rating recalled below 60 % suggests that level − 1
//   ("rated 3, but recalls 44 % of level-2 cards").
// - Too low: levels right above the rating, each recalled at 90 % or more, suggest the highest.
// - Fading: otherwise, when memory (the gap's recall cap) puts the current level under the rating.
import type { EvidencedLevel } from '../mastery';

export const MIN_REVIEWS = 5;
export const RECALL_LOW = 0.6;
export const RECALL_HIGH = 0.9;

export interface LevelRecall {
	level: number;
	reviews: number;
	recalled: number;
}

export type CalibrationReason = 'recall-low' | 'recall-high' | 'memory-faded';

export interface Calibration {
	selfRated: number;
	suggested: number;
	reason: CalibrationReason;
	/** The level whose cards disagree. */
	level: number;
	/** Recall share (recall-*) or mean retrievability now (memory-faded) of that level, 0–1. */
	share: number;
	reviews: number;
}

export function calibrate(
	selfRated: number,
	recall: readonly LevelRecall[],
	evidence?: EvidencedLevel
): Calibration | null {
	const sorted = [...recall].sort((a, b) => a.level - b.level);
	const share = (r: LevelRecall) => r.recalled / r.reviews;
	const low = sorted.find(
		(r) => r.level <= selfRated && r.reviews >= MIN_REVIEWS && share(r) < RECALL_LOW
	);
	if (low) {
		return {
			selfRated,
			suggested: low.level - 1,
			reason: 'recall-low',
			level: low.level,
			share: share(low),
			reviews: low.reviews
		};
	}
	let high: LevelRecall | undefined;
	for (let level = selfRated + 1; level <= 4; level++) {
		const r = sorted.find((x) => x.level === level);
		if (!r || r.reviews < MIN_REVIEWS || share(r) < RECALL_HIGH) break;
		high = r;
	}
	if (high) {
		return {
			selfRated,
			suggested: high.level,
			reason: 'recall-high',
			level: high.level,
			share: share(high),
			reviews: high.reviews
		};
	}
	if (evidence && evidence.current < selfRated) {
		const failed = evidence.levels.find((l) => l.level === evidence.current + 1);
		return {
			selfRated,
			suggested: evidence.current,
			reason: 'memory-faded',
			level: evidence.current + 1,
			share: failed?.meanRetrievability ?? 0,
			reviews: 0
		};
	}
	return null;
}
