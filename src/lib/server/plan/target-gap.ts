// The one place the plan reads the learner's active target and its gap (H-gap's service).
import type { Database } from '$lib/server/db';
import type { Queryable } from '$lib/server/assessments/store';
import { getActiveTargetGap, type TargetGap } from '$lib/server/gap';

export type { TargetGap };

/**
 * H-gap's service is typed for the database; it only reads, which an open transaction
 * does as well, so the review queue may call the plan from inside one.
 */
export function activeTargetGap(db: Queryable, userId: string, now: Date) {
	return getActiveTargetGap(db as Database, userId, now);
}
