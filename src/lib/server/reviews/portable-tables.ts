// Which tables make up "all of a learner's data" for GET /api/export and POST /api/import.
// Adding a table: put it in EXPORTED (or, for secrets and machinery, in NOT_EXPORTED with the
// reason). tests/integration/export.test.ts fails while any table with a user_id column is in
// neither list.
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as table from '$lib/server/db/schema';

/** In insert order (only `user` is referenced, so any order works today). */
export const EXPORTED: Record<string, SQLiteTable> = {
	assessment: table.assessment,
	target: table.target,
	plan_settings: table.planSettings,
	study_plan: table.studyPlan,
	plan_progress: table.planProgress,
	personal_card: table.personalCard,
	review_settings: table.reviewSettings,
	card_state: table.cardState,
	card_base: table.cardBase,
	review_log: table.reviewLog,
	review_undo: table.reviewUndo,
	review_credit: table.reviewCredit,
	fsrs_fit: table.fsrsFit,
	push_reminder: table.pushReminder,
	resume: table.resume
};

/** Tables with a user_id that stay behind, and why. */
export const NOT_EXPORTED: Record<string, string> = {
	session: 'sign-in sessions are secrets of this server, not the learner’s data',
	push_subscription:
		'a browser’s push address and keys let whoever holds them notify that device, and work only with the VAPID key of the server it subscribed to: the browser subscribes again',
	push_send: 'which days a reminder went out: the job’s bookkeeping, kept a week'
};

/** Columns of `user` that travel: the profile and its review settings, never credentials. */
export const PROFILE_COLUMNS = [
	'email',
	'timezone',
	'dayStartHour',
	'desiredRetention',
	'maximumInterval',
	'fsrsParams'
] as const satisfies readonly (keyof typeof table.user.$inferSelect)[];
