import { sql } from 'drizzle-orm';
import {
	sqliteTable,
	text,
	integer,
	index,
	primaryKey,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import type { JdAnalysis } from '$lib/core/jd';
import type { TargetSkill } from '$lib/core/types';
import { user } from './auth';

// 'implied': not said by the learner but implied by one of their ratings (prerequisites of a
// rated level); a later rating of their own replaces it.
export const ASSESSMENT_SOURCES = ['self', 'placement', 'plan', 'implied'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

// Every rating is kept (never updated) so progress can be charted; the latest one counts.
export const assessment = sqliteTable(
	'assessment',
	{
		// Unique per learner (see personal_card in cards.ts).
		id: text('id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		skillId: text('skill_id').notNull(),
		level: integer('level').notNull(),
		source: text('source', { enum: ASSESSMENT_SOURCES }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.id] }),
		index('assessment_user_skill_time').on(t.userId, t.skillId, t.createdAt)
	]
);

export const target = sqliteTable(
	'target',
	{
		id: text('id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		roleId: text('role_id'),
		// The pasted job description, kept so the learner can see what the target came from.
		jdText: text('jd_text'),
		// Its analysis, made once when the target was saved (or on first view of an older one),
		// so showing the target never runs the analyser again.
		jdAnalysis: text('jd_analysis', { mode: 'json' }).$type<JdAnalysis>(),
		// The analyser version (JD_ANALYSER_VERSION) that made it; null for analyses kept before
		// versions were (all older than version 2), so a stale reading can be told and redone.
		jdAnalysisVersion: integer('jd_analysis_version'),
		skills: text('skills', { mode: 'json' }).$type<TargetSkill[]>().notNull(),
		active: integer('active', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.id] }),
		index('target_user').on(t.userId),
		// At most one active target per learner, enforced by the database itself.
		uniqueIndex('target_one_active')
			.on(t.userId)
			.where(sql`active = 1`)
	]
);

export type Assessment = typeof assessment.$inferSelect;
export type Target = typeof target.$inferSelect;
