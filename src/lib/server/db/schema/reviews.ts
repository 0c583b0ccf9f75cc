import { sqliteTable, text, integer, real, primaryKey } from 'drizzle-orm/sqlite-core';
import type { Step } from '$lib/core/scheduling/settings';
import { user } from './auth';

// Review settings beyond those on `user` (time zone, day start, retention, maximum interval,
// FSRS parameters). One row once the learner changes anything; defaults apply until then.
export const reviewSettings = sqliteTable('review_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	learningSteps: text('learning_steps', { mode: 'json' })
		.$type<Step[]>()
		.notNull()
		.default(['1m', '10m']),
	relearningSteps: text('relearning_steps', { mode: 'json' })
		.$type<Step[]>()
		.notNull()
		.default(['10m']),
	newCardsPerDay: integer('new_cards_per_day').notNull().default(10),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

// Reviews the learner undid. A late retry of an undone review (another tab, a replayed
// request) must not bring it back, so its id is remembered here.
export const reviewUndo = sqliteTable(
	'review_undo',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reviewId: text('review_id').notNull(),
		undoneAt: integer('undone_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.reviewId] })]
);

// The memory a card had before its first logged review when it did not start new: a state
// seeded by the placement check (H-gap writes card_state without a log). Replays start here,
// so the card stays recomputable from base + log, and undoing its first review restores it.
export const cardBase = sqliteTable(
	'card_base',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cardId: text('card_id').notNull(),
		due: integer('due', { mode: 'timestamp_ms' }).notNull(),
		stability: real('stability').notNull(),
		difficulty: real('difficulty').notNull(),
		elapsedDays: integer('elapsed_days').notNull(),
		scheduledDays: integer('scheduled_days').notNull(),
		learningSteps: integer('learning_steps').notNull(),
		reps: integer('reps').notNull(),
		lapses: integer('lapses').notNull(),
		state: integer('state').notNull(),
		lastReview: integer('last_review', { mode: 'timestamp_ms' }),
		capturedAt: integer('captured_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.cardId] })]
);

export interface FitScore {
	logLoss: number;
	rmse: number;
}

// The latest fit of personal FSRS parameters, waiting for the learner to apply it.
export const fsrsFit = sqliteTable('fsrs_fit', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	status: text('status', { enum: ['running', 'done', 'failed', 'applied'] }).notNull(),
	reviewCount: integer('review_count').notNull(),
	params: text('params', { mode: 'json' }).$type<number[]>(),
	before: text('before', { mode: 'json' }).$type<FitScore>(),
	after: text('after', { mode: 'json' }).$type<FitScore>(),
	error: text('error'),
	startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
	finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
});

export type ReviewSettingsRow = typeof reviewSettings.$inferSelect;
export type FsrsFitRow = typeof fsrsFit.$inferSelect;
