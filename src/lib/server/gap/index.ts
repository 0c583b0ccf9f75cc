// The active target's gap: what a learner still needs, per skill, for the target they chose.
import { computeGap, type CurrentLevel } from '$lib/core/gap';
import type { GapEntry } from '$lib/core/types';
import { getGraph } from '$lib/server/content';
import type { Database } from '$lib/server/db';
import { getActiveTarget, type TargetRow } from '$lib/server/targets/store';
import { evidencedLevels } from './levels';

export { evidencedLevels, fsrsParameters } from './levels';

/** Readiness in words, for the page's <details> and the API. */
export const READINESS_DEFINITION =
	'Readiness = Σ weight × min(current, target) ÷ Σ weight × target over every skill the target ' +
	'needs, prerequisites included: the weighted share of target levels you have reached. Must-have ' +
	'skills weigh 1, nice-to-have 0.5, a prerequisite half the skill that needs it.';

export interface TargetGap {
	target: Pick<TargetRow, 'id' | 'name' | 'roleId'>;
	entries: GapEntry[];
	readiness: number;
}

/** The gap of any of the learner's targets (the caller has checked ownership). */
export async function getTargetGap(db: Database, userId: string, target: TargetRow, now: Date) {
	const levels = await evidencedLevels(db, userId, now);
	const current = new Map<string, CurrentLevel>(
		[...levels].map(([id, l]) => [id, { selfRated: l.selfRated, current: l.current }])
	);
	const { entries, readiness } = computeGap(getGraph(), target.skills, current);
	return {
		target: { id: target.id, name: target.name, roleId: target.roleId },
		entries,
		readiness
	} satisfies TargetGap;
}

/** The gap of the learner's active target, or null when they have none. */
export async function getActiveTargetGap(
	db: Database,
	userId: string,
	now: Date
): Promise<TargetGap | null> {
	const target = await getActiveTarget(db, userId);
	return target ? getTargetGap(db, userId, target, now) : null;
}
