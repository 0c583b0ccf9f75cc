import { sqliteTable, text, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import { user } from './auth';

// The learner's daily reminder: a local wall-clock time and ISO weekdays (1 = Monday … 7 =
// Sunday), in the time zone of their review settings. Until they save one, the defaults in
// src/lib/server/push/settings.ts apply.
export const pushReminder = sqliteTable('push_reminder', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	time: text('time').notNull(),
	days: text('days', { mode: 'json' }).$type<number[]>().notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

// One browser's PushSubscription. The same browser may be subscribed for two accounts (a
// shared phone): each learner has their own row, and only ever sees or removes their own.
export const pushSubscription = sqliteTable(
	'push_subscription',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSentAt: integer('last_sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.endpoint] })]
);

// A learner's reminder for one local date, claimed before anything is sent: the primary key
// lets exactly one app process win the insert, so a reminder goes out at most once a day.
export const pushSend = sqliteTable(
	'push_send',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		day: text('day').notNull(),
		claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }).notNull(),
		outcome: text('outcome', { enum: ['claimed', 'sent', 'nothing', 'failed'] }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.day] })]
);

// The server's VAPID key pair when none is given in the environment: made on first start and
// kept here, so every process and every restart signs with the key browsers subscribed to.
export const pushVapid = sqliteTable('push_vapid', {
	id: integer('id').primaryKey(),
	publicKey: text('public_key').notNull(),
	privateKey: text('private_key').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export type PushSubscriptionRow = typeof pushSubscription.$inferSelect;
