import {
	sqliteTable,
	text,
	integer,
	real,
	primaryKey,
	index,
	unique,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { user } from './auth';

export const PERSONAL_CARD_KINDS = ['qa', 'cloze'] as const;

// Ids (a card's, a review's, a target's, an assessment's) are unique per learner, not per
// server: another learner's ids can neither clash with nor be probed through one's own.
export const personalCard = sqliteTable(
	'personal_card',
	{
		id: text('id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		skillId: text('skill_id').notNull(),
		level: integer('level').notNull(),
		front: text('front').notNull(),
		back: text('back').notNull(),
		tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
		// Hash of the normalised front+back: importing the same file twice adds nothing.
		contentHash: text('content_hash').notNull(),
		// 'cloze': the front holds exactly one {{deletion}} and the back is optional.
		kind: text('kind', { enum: PERSONAL_CARD_KINDS }).notNull().default('qa'),
		// The Anki note an import came from, and which of its cards (the cloze number, 0 for
		// a basic note): importing the same export again updates these cards in place.
		ankiGuid: text('anki_guid'),
		ankiOrd: integer('anki_ord'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.id] }),
		index('personal_card_user_skill').on(t.userId, t.skillId),
		unique('personal_card_user_hash').on(t.userId, t.contentHash),
		uniqueIndex('personal_card_user_anki').on(t.userId, t.ankiGuid, t.ankiOrd)
	]
);

// FSRS memory state of one card for one learner; recomputable from review_log.
export const cardState = sqliteTable(
	'card_state',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cardId: text('card_id').notNull(),
		skillId: text('skill_id').notNull(),
		level: integer('level').notNull(),
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
		suspended: integer('suspended', { mode: 'boolean' }).notNull().default(false),
		leech: integer('leech', { mode: 'boolean' }).notNull().default(false),
		buriedUntil: integer('buried_until', { mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.cardId] }),
		index('card_state_user_due').on(t.userId, t.due)
	]
);

export const reviewLog = sqliteTable(
	'review_log',
	{
		// Made on the client: a retried upload of the same review is recognised by its id.
		id: text('id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cardId: text('card_id').notNull(),
		rating: integer('rating').notNull(),
		reviewedAt: integer('reviewed_at', { mode: 'timestamp_ms' }).notNull(),
		durationMs: integer('duration_ms').notNull(),
		receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
		// Derived by replaying the card's log (src/lib/core/scheduling/recompute.ts), kept for
		// stats and so that undoing the latest review restores the card's due date exactly.
		stateBefore: integer('state_before'),
		dueAfter: integer('due_after', { mode: 'timestamp_ms' })
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.id] }),
		// With the id, the log's order (time, then id) is the index's: the latest review is one
		// step, however long the card's log.
		index('review_log_user_card_time').on(t.userId, t.cardId, t.reviewedAt, t.id),
		index('review_log_user_time').on(t.userId, t.reviewedAt)
	]
);
