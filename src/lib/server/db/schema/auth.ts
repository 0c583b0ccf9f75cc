import { sqliteTable, text, integer, real } from 'drizzle-orm/sqlite-core';

export const user = sqliteTable('user', {
	id: text('id').primaryKey(),
	// Stored lower-cased so "Ada" and "ada" are one account.
	username: text('username').notNull().unique(),
	email: text('email'),
	passwordHash: text('password_hash').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	timezone: text('timezone').notNull().default('UTC'),
	dayStartHour: integer('day_start_hour').notNull().default(4),
	desiredRetention: real('desired_retention').notNull().default(0.9),
	maximumInterval: integer('maximum_interval').notNull().default(36500),
	// Personal FSRS parameters (JSON array of 21 numbers) once fitted; null means defaults.
	fsrsParams: text('fsrs_params'),
	// Set to a fresh random value (within ±2^53, a JavaScript number) by triggers (migration 0013)
	// whenever anything of the learner's that pages draw figures from changes: cards, log,
	// ratings, targets, plan, settings. In-memory caches of those figures are keyed by it
	// (db/learner-cache.ts). Random rather than counted, so a value a rolled-back transaction
	// wrote never comes back.
	dataVersion: integer('data_version').notNull().default(0)
});

export const session = sqliteTable('session', {
	// SHA-256 of the token, hex: a leaked table cannot be replayed as cookies.
	id: text('id').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

// Failed logins live in the database so every app process sees the same throttle.
export const loginThrottle = sqliteTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	lastFailureAt: integer('last_failure_at', { mode: 'timestamp_ms' }).notNull()
});

export type User = typeof user.$inferSelect;
export type Session = typeof session.$inferSelect;
