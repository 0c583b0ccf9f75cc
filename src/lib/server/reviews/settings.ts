// A learner's review settings: read from `user`, review_settings and (for light days) the
// plan's settings; written through one valibot schema shared by the form and PUT /api/settings.
import * as v from 'valibot';
import { eq, sql } from 'drizzle-orm';
import { compileSelect, connOf, selectRows } from '$lib/server/db/compiled';
import * as table from '$lib/server/db/schema';
import {
	DEFAULT_REVIEW_SETTINGS,
	MAX_INTERVAL_MAX,
	MAX_INTERVAL_MIN,
	NEW_CARDS_MAX,
	RETENTION_MAX,
	RETENTION_MIN,
	formatSteps,
	isValidTimeZone,
	parseSteps,
	type ReviewSettings,
	type Step
} from '$lib/core/scheduling';
import type { Queryable } from './db';
import { perLearner } from '$lib/server/db/learner-cache';

/** Interview-date mode as the learner set it on the plan (peak.ts applies it). */
export interface PeakSetting {
	on: boolean;
	/** Recall to reach by the date (0–1). */
	level: number;
	/** The plan's target date, 'YYYY-MM-DD'. */
	date: string | null;
}

/** The review settings, with the plan's interview-date mode: every review sync reads both. */
export interface LearnerReviewSettings extends ReviewSettings {
	peakDate: PeakSetting;
}

const PEAK_OFF: PeakSetting = { on: false, level: 0.9, date: null };

/** The review settings alone, as GET/PUT /api/settings answer: the mode belongs to the plan. */
export function reviewSettingsOnly({
	peakDate,
	...settings
}: LearnerReviewSettings): ReviewSettings {
	void peakDate;
	return settings;
}

/** The plan's default light days (ISO weekdays, Saturday and Sunday) until it has a row. */
const PLAN_DEFAULT_LIGHT_DAYS = [6, 7];

// Read on every review sync, so built once.
const settingsSelect = compileSelect(
	{
		timezone: table.user.timezone,
		dayStartHour: table.user.dayStartHour,
		desiredRetention: table.user.desiredRetention,
		maximumInterval: table.user.maximumInterval,
		fsrsParams: table.user.fsrsParams,
		learningSteps: table.reviewSettings.learningSteps,
		relearningSteps: table.reviewSettings.relearningSteps,
		newCardsPerDay: table.reviewSettings.newCardsPerDay,
		creditPrerequisites: table.reviewSettings.creditPrerequisites,
		lightDays: table.planSettings.lightDays,
		peakOn: table.planSettings.peakOnDate,
		peakLevel: table.planSettings.peakLevel,
		targetDate: table.planSettings.targetDate
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.user)
			.leftJoin(table.reviewSettings, eq(table.reviewSettings.userId, table.user.id))
			.leftJoin(table.planSettings, eq(table.planSettings.userId, table.user.id))
			.where(eq(table.user.id, sql.placeholder('userId')))
);

/** Read by every part of a page that schedules or counts: kept until a setting changes. */
export function getReviewSettings(
	db: Queryable,
	userId: string
): Promise<Readonly<LearnerReviewSettings>> {
	return perLearner(db, userId, 'review settings', async () =>
		Object.freeze(await readReviewSettings(db, userId))
	);
}

/**
 * The settings straight from the database, for a review sync: its own writes change the
 * learner's data version, so the cached copy would be read again next time anyway and checking
 * the version first is one statement for nothing.
 */
export async function readReviewSettings(
	db: Queryable,
	userId: string
): Promise<LearnerReviewSettings> {
	const [row] = await selectRows(connOf(db), settingsSelect, { userId });
	if (!row) return { ...DEFAULT_REVIEW_SETTINGS, peakDate: PEAK_OFF };
	return {
		timezone: isValidTimeZone(row.timezone) ? row.timezone : 'UTC',
		dayStartHour: row.dayStartHour,
		desiredRetention: row.desiredRetention,
		maximumInterval: row.maximumInterval,
		learningSteps: row.learningSteps ?? DEFAULT_REVIEW_SETTINGS.learningSteps,
		relearningSteps: row.relearningSteps ?? DEFAULT_REVIEW_SETTINGS.relearningSteps,
		newCardsPerDay: row.newCardsPerDay ?? DEFAULT_REVIEW_SETTINGS.newCardsPerDay,
		// The plan stores ISO weekdays (1 = Monday … 7 = Sunday); the scheduler uses 0 = Sunday.
		lightDays: (row.lightDays ?? PLAN_DEFAULT_LIGHT_DAYS).map((d) => d % 7),
		params: parseParams(row.fsrsParams),
		creditPrerequisites: row.creditPrerequisites ?? false,
		peakDate: {
			on: row.peakOn ?? PEAK_OFF.on,
			level: row.peakLevel ?? PEAK_OFF.level,
			date: row.targetDate
		}
	};
}

function parseParams(json: string | null): number[] | null {
	if (!json) return null;
	try {
		const value = JSON.parse(json) as unknown;
		return Array.isArray(value) && value.length === 21 && value.every(Number.isFinite)
			? (value as number[])
			: null;
	} catch {
		return null;
	}
}

const numberFrom = (message: string) =>
	v.union(
		[
			v.number(message),
			v.pipe(v.string(message), v.trim(), v.regex(/^-?\d+(\.\d+)?$/, message), v.transform(Number))
		],
		message
	);

const stepsField = (message: string) =>
	v.pipe(
		v.union(
			[
				v.string(message),
				v.pipe(
					v.array(v.string(message)),
					v.transform((a) => a.join(' '))
				)
			],
			message
		),
		v.maxLength(100, message),
		v.transform((text) => parseSteps(text)),
		v.check((steps): steps is Step[] => steps !== null, message),
		v.transform((steps) => steps as Step[])
	);

export const reviewSettingsSchema = v.object({
	desiredRetention: v.pipe(
		numberFrom('Enter a retention between 0.70 and 0.97.'),
		v.minValue(RETENTION_MIN, 'Enter a retention between 0.70 and 0.97.'),
		v.maxValue(RETENTION_MAX, 'Enter a retention between 0.70 and 0.97.')
	),
	maximumInterval: v.pipe(
		numberFrom('Enter a whole number of days.'),
		v.integer('Enter a whole number of days.'),
		v.minValue(MAX_INTERVAL_MIN, `Enter ${MAX_INTERVAL_MIN} to ${MAX_INTERVAL_MAX} days.`),
		v.maxValue(MAX_INTERVAL_MAX, `Enter ${MAX_INTERVAL_MIN} to ${MAX_INTERVAL_MAX} days.`)
	),
	learningSteps: stepsField('Use up to 5 steps like "1m 10m" (minutes or hours, under a day).'),
	relearningSteps: stepsField('Use up to 5 steps like "10m" (minutes or hours, under a day).'),
	timezone: v.pipe(
		v.string('Choose a time zone.'),
		v.trim(),
		v.maxLength(64, 'Choose a time zone from the list.'),
		v.check(isValidTimeZone, 'Choose a time zone from the list.')
	),
	dayStartHour: v.pipe(
		numberFrom('Choose an hour from 0 to 23.'),
		v.integer('Choose an hour from 0 to 23.'),
		v.minValue(0, 'Choose an hour from 0 to 23.'),
		v.maxValue(23, 'Choose an hour from 0 to 23.')
	),
	newCardsPerDay: v.pipe(
		numberFrom(`Enter 0 to ${NEW_CARDS_MAX}.`),
		v.integer(`Enter 0 to ${NEW_CARDS_MAX}.`),
		v.minValue(0, `Enter 0 to ${NEW_CARDS_MAX}.`),
		v.maxValue(NEW_CARDS_MAX, `Enter 0 to ${NEW_CARDS_MAX}.`)
	),
	// The form sends "on" or "off" (two radios, so it works without JS); the API may send a
	// boolean. Left out, the learner's current choice stays.
	creditPrerequisites: v.optional(
		v.pipe(
			v.union(
				[v.boolean(), v.picklist(['on', 'off'])],
				'Choose on or off for credit through prerequisites.'
			),
			v.transform((value) => value === true || value === 'on')
		)
	)
});

export type ReviewSettingsInput = v.InferOutput<typeof reviewSettingsSchema>;
export const SETTINGS_FIELDS = Object.keys(
	reviewSettingsSchema.entries
) as (keyof ReviewSettingsInput)[];

/** The editable settings as the form shows them. */
export function settingsForm(settings: ReviewSettings): Record<keyof ReviewSettingsInput, string> {
	return {
		desiredRetention: settings.desiredRetention.toFixed(2),
		maximumInterval: String(settings.maximumInterval),
		learningSteps: formatSteps(settings.learningSteps),
		relearningSteps: formatSteps(settings.relearningSteps),
		timezone: settings.timezone,
		dayStartHour: String(settings.dayStartHour),
		newCardsPerDay: String(settings.newCardsPerDay),
		creditPrerequisites: settings.creditPrerequisites ? 'on' : 'off'
	};
}

export async function saveReviewSettings(
	db: Queryable,
	userId: string,
	input: ReviewSettingsInput,
	now: Date
): Promise<void> {
	await db.transaction(async (tx) => {
		await tx
			.update(table.user)
			.set({
				desiredRetention: input.desiredRetention,
				maximumInterval: input.maximumInterval,
				timezone: input.timezone,
				dayStartHour: input.dayStartHour
			})
			.where(eq(table.user.id, userId));
		const values = {
			learningSteps: input.learningSteps,
			relearningSteps: input.relearningSteps,
			newCardsPerDay: input.newCardsPerDay,
			...(input.creditPrerequisites === undefined
				? {}
				: { creditPrerequisites: input.creditPrerequisites }),
			updatedAt: now
		};
		await tx
			.insert(table.reviewSettings)
			.values({ userId, ...values })
			.onConflictDoUpdate({ target: table.reviewSettings.userId, set: values });
	});
}
