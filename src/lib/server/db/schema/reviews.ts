import { sqliteTable, text, integer, real, primaryKey, index } from 'drizzle-orm/sqlite-core';
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
	// Credit through prerequisites (reviews/credit.ts): off unless the learner turns it on.
	creditPrerequisites: integer('credit_prerequisites', { mode: 'boolean' })
		.notNull()
		.default(false),
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

export const CREDIT_KINDS = ['credit', 'forward'] as const;

// Implicit credit one real review gave another card (credit through prerequisites): kept apart
// from review_log, which stays the learner's true history. 'credit' moved the card's stability
// part of the way to a Good review (fraction); 'forward' brought it due the next day after a
// failed advanced card. The before/after columns are the card's schedule as this event last
// changed it; undoing the review deletes its rows and recomputes the cards.
export const reviewCredit = sqliteTable(
	'review_credit',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reviewId: text('review_id').notNull(),
		cardId: text('card_id').notNull(),
		kind: text('kind', { enum: CREDIT_KINDS }).notNull(),
		fraction: real('fraction').notNull(),
		creditedAt: integer('credited_at', { mode: 'timestamp_ms' }).notNull(),
		stabilityBefore: real('stability_before').notNull(),
		dueBefore: integer('due_before', { mode: 'timestamp_ms' }).notNull(),
		stabilityAfter: real('stability_after').notNull(),
		dueAfter: integer('due_after', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.reviewId, t.cardId] }),
		index('review_credit_user_card').on(t.userId, t.cardId, t.creditedAt)
	]
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
export type ReviewCreditRow = typeof reviewCredit.$inferSelect;
