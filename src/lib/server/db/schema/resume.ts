import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { user } from './auth';

// A learner's CV, kept only when they tick "keep my CV" on /start/cv (unticking deletes it). It
// travels in the account export and goes with the account (the cascade).
export const resume = sqliteTable('resume', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	text: text('text').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

export type Resume = typeof resume.$inferSelect;
