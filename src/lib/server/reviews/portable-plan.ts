// The stored plan (study_plan.plan) and a finished step (plan_progress.item) as an import
// must send them. Nothing creates these through an API — the planner writes them — so the
// schema follows src/lib/core/plan/types.ts, with bounds, and checks what the pages read:
// dates, step keys, skills and card ids of this server's content.
import * as v from 'valibot';
import { isIsoDate } from '$lib/core/plan/dates';
import type { Plan, PlanItem } from '$lib/core/plan/types';
import type { PlanAdjustment } from '$lib/server/db/schema';
import { getDeckSource, getGraph } from '$lib/server/content';

const MAX_TEXT = 2_000;
const MAX_LIST = 5_000;

const text = v.pipe(v.string('Write text here.'), v.maxLength(MAX_TEXT, 'This text is too long.'));
const list = <T extends v.GenericSchema>(item: T) =>
	v.pipe(v.array(item, 'Send a list here.'), v.maxLength(MAX_LIST, 'This list is too long.'));
const amount = v.pipe(
	v.number('Send a number here.'),
	v.finite('Send a finite number here.'),
	v.minValue(0, 'This cannot be negative.'),
	v.maxValue(1e9, 'This number is too large.')
);
const whole = v.pipe(amount, v.integer('Send a whole number here.'));
const level = v.pipe(whole, v.maxValue(4, 'Use a level from 0 to 4.'));

export const isoDateSchema = v.pipe(
	v.string('Send a date (YYYY-MM-DD).'),
	v.check(isIsoDate, 'Send a real date as YYYY-MM-DD.')
);
const day = isoDateSchema;

export const knownSkillSchema = v.pipe(
	v.string('Send a skill id.'),
	v.check((id) => getGraph().skillById.has(id), 'No skill has this id.')
);

let deckIds: Set<string> | undefined;
/** Built-in card ids, retired ones included: a schedule may outlive a card's retirement. */
export function isDeckCard(id: string): boolean {
	deckIds ??= new Set(getDeckSource().map((c) => c.id));
	return deckIds.has(id);
}

const stepKey = v.pipe(
	v.string('Send a step key.'),
	v.regex(/^[\w-]{1,100}@[1-4]$/, 'A step key is skill@level, e.g. docker@2.')
);

export const planItemSchema = v.pipe(
	v.object({
		key: stepKey,
		skillId: knownSkillSchema,
		skillName: text,
		area: text,
		fromLevel: level,
		toLevel: v.pipe(level, v.minValue(1, 'Use a level from 1 to 4.')),
		hours: amount,
		minutes: amount,
		cardIds: list(
			v.pipe(v.string('Send card ids.'), v.check(isDeckCard, 'No built-in card has this id.'))
		),
		can: list(text),
		project: v.nullable(text),
		start: v.nullable(day),
		end: v.nullable(day),
		sessions: list(v.object({ date: day, minutes: amount })),
		reason: text,
		targetSkillId: knownSkillSchema,
		chain: list(knownSkillSchema),
		weight: amount,
		direct: v.boolean('Send true or false.'),
		after: list(stepKey),
		unlocks: whole,
		priority: v.pipe(v.number('Send a number here.'), v.finite('Send a finite number here.')),
		added: v.boolean('Send true or false.')
	}),
	v.check((i) => i.key === `${i.skillId}@${i.toLevel}`, 'The key must be skillId@toLevel.')
) satisfies v.GenericSchema<unknown, PlanItem>;

const nullableAmount = v.nullable(amount);

export const planSchema = v.object({
	start: day,
	finish: v.nullable(day),
	items: list(planItemSchema),
	weeks: list(
		v.object({
			week: v.pipe(v.string('Send an ISO week.'), v.regex(/^\d{4}-W\d{2}$/, 'Send an ISO week.')),
			start: day,
			end: day,
			items: list(stepKey),
			budgetMinutes: amount,
			reviewMinutes: amount,
			studyMinutes: amount,
			areas: list(text)
		})
	),
	totalMinutes: amount,
	feasible: v.nullable(v.boolean('Send true, false or null.')),
	feasibility: v.object({
		targetDate: v.nullable(day),
		fits: v.nullable(v.boolean('Send true, false or null.')),
		finishAtBudget: v.nullable(day),
		neededMinutesPerDay: nullableAmount,
		message: text
	}),
	pacing: v.object({
		secondsPerReview: amount,
		reviewMinutesPerDay: amount,
		newPerDay: amount,
		maxReviewShare: v.pipe(amount, v.maxValue(1, 'A share is at most 1.'))
	}),
	unscheduled: list(stepKey)
}) satisfies v.GenericSchema<unknown, Plan>;

export const planAdjustmentSchema = v.object({
	kind: v.picklist(['new', 'changed', 'behind', 'ahead', 'request'], 'Unknown adjustment.'),
	automatic: v.boolean('Send true or false.'),
	days: v.pipe(v.number('Send a number.'), v.integer('Send a whole number.')),
	minutes: v.pipe(v.number('Send a number.'), v.finite('Send a finite number.')),
	on: day
}) satisfies v.GenericSchema<unknown, PlanAdjustment>;
