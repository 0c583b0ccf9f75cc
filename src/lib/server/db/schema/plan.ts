import { sqliteTable, text, integer, primaryKey, real } from 'drizzle-orm/sqlite-core';
import type { DateRange, Plan, PlanItem } from '$lib/core/plan/types';
import { user } from './auth';

// One row per learner once they change anything; until then the defaults in
// src/lib/server/plan/settings.ts apply.
export const planSettings = sqliteTable('plan_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	minutesPerDay: integer('minutes_per_day').notNull().default(45),
	// ISO weekdays, 1 = Monday … 7 = Sunday.
	studyDays: text('study_days', { mode: 'json' })
		.$type<number[]>()
		.notNull()
		.default([1, 2, 3, 4, 5, 6, 7]),
	lightDays: text('light_days', { mode: 'json' }).$type<number[]>().notNull().default([6, 7]),
	lightMinutes: integer('light_minutes').notNull().default(20),
	targetDate: text('target_date'),
	// Interview-date mode: target cards' last interval before the date is cut so that predicted
	// recall on the date is at least peak_level (src/lib/core/scheduling/peak-date.ts).
	peakOnDate: integer('peak_on_date', { mode: 'boolean' }).notNull().default(false),
	peakLevel: real('peak_level').notNull().default(0.9),
	breaks: text('breaks', { mode: 'json' }).$type<DateRange[]>().notNull().default([]),
	// Local wall-clock times for the calendar export ("HH:MM").
	reviewTime: text('review_time').notNull().default('08:00'),
	studyTime: text('study_time').notNull().default('19:00'),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

/** Why the stored plan was last (re)generated, shown to the learner. */
export interface PlanAdjustment {
	kind: 'new' | 'changed' | 'behind' | 'ahead' | 'request';
	automatic: boolean;
	days: number;
	minutes: number;
	on: string;
}

// The learner's current plan: the planner's output for their active target, kept so
// that ahead/behind can be measured against what was promised.
export const studyPlan = sqliteTable('study_plan', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	targetId: text('target_id').notNull(),
	// Hash of what the plan was made from (target, settings, levels): a change re-plans.
	inputsHash: text('inputs_hash').notNull(),
	generatedOn: text('generated_on').notNull(),
	plan: text('plan', { mode: 'json' }).$type<Plan>().notNull(),
	adjustment: text('adjustment', { mode: 'json' }).$type<PlanAdjustment>(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});

// Steps the learner finished or skipped. Kept across re-plans and targets: a step once
// done stays done.
export const planProgress = sqliteTable(
	'plan_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		stepKey: text('step_key').notNull(),
		skillId: text('skill_id').notNull(),
		level: integer('level').notNull(),
		status: text('status', { enum: ['done', 'skipped'] }).notNull(),
		on: text('on_date').notNull(),
		// The item as it was planned, so a finished step still shows its dates and reason.
		item: text('item', { mode: 'json' }).$type<PlanItem>().notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.userId, t.stepKey] })]
);

export type PlanSettingsRow = typeof planSettings.$inferSelect;
export type StudyPlanRow = typeof studyPlan.$inferSelect;
export type PlanProgressRow = typeof planProgress.$inferSelect;
