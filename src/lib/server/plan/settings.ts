// The learner's study budget and target date: one valibot schema for the form and
// PUT /api/plan/settings, so both accept and reject exactly the same things.
import * as v from 'valibot';
import { eq } from 'drizzle-orm';
import type { Queryable } from '$lib/server/assessments/store';
import { planSettings } from '$lib/server/db/schema';
import { addDays, dayNumber, isIsoDate } from '$lib/core/plan/dates';
import type { DateRange } from '$lib/core/plan/types';
import { bringForward } from '$lib/server/reviews/peak';
import { DEFAULT_PEAK_LEVEL, MAX_PEAK_LEVEL, MIN_PEAK_LEVEL } from '$lib/core/scheduling/peak-date';

export interface PlanSettings {
	minutesPerDay: number;
	studyDays: number[];
	lightDays: number[];
	lightMinutes: number;
	targetDate: string | null;
	/** Interview-date mode: target cards peak on the target date (core/scheduling/peak-date.ts). */
	peakOnDate: boolean;
	/** Predicted recall every target card should have on the date. */
	peakLevel: number;
	breaks: DateRange[];
	reviewTime: string;
	studyTime: string;
}

export const DEFAULT_SETTINGS: PlanSettings = {
	minutesPerDay: 45,
	studyDays: [1, 2, 3, 4, 5, 6, 7],
	lightDays: [6, 7],
	lightMinutes: 20,
	targetDate: null,
	peakOnDate: false,
	peakLevel: DEFAULT_PEAK_LEVEL,
	breaks: [],
	reviewTime: '08:00',
	studyTime: '19:00'
};

export const MIN_MINUTES = 10;
export const MAX_MINUTES = 600;
export const MAX_BREAKS = 20;
export const MAX_BREAK_DAYS = 366;

/** A whole number, from JSON or from a form's text field. */
const wholeNumber = (message: string) =>
	v.union(
		[
			v.pipe(v.number(message), v.integer(message)),
			v.pipe(v.string(message), v.trim(), v.regex(/^\d{1,4}$/, message), v.transform(Number))
		],
		message
	);

export const weekdays = (message: string) =>
	v.pipe(
		v.array(
			v.pipe(
				wholeNumber('Use weekday numbers 1 (Monday) to 7 (Sunday).'),
				v.minValue(1, 'Use weekday numbers 1 (Monday) to 7 (Sunday).'),
				v.maxValue(7, 'Use weekday numbers 1 (Monday) to 7 (Sunday).')
			),
			message
		),
		v.maxLength(7, message),
		v.transform((days) => [...new Set(days)].sort((a, b) => a - b))
	);

const isoDate = (message: string) =>
	v.pipe(v.string(message), v.trim(), v.check(isIsoDate, message));
export const clock = (message: string) =>
	v.pipe(v.string(message), v.trim(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, message));

export const breakRangeSchema = v.pipe(
	v.object({
		start: isoDate('Enter the first day away as a date.'),
		end: isoDate('Enter the last day away as a date.')
	}),
	v.forward(
		v.partialCheck(
			[['start'], ['end']],
			(b) => b.end >= b.start,
			'The last day away cannot be before the first.'
		),
		['end']
	),
	v.forward(
		v.partialCheck(
			[['start'], ['end']],
			// Runs even when a date failed its own check; that field already carries the message.
			(b) =>
				!isIsoDate(b.start) ||
				!isIsoDate(b.end) ||
				dayNumber(b.end) - dayNumber(b.start) < MAX_BREAK_DAYS,
			'A break can be at most a year long.'
		),
		['end']
	)
);

/** A checkbox (absent or "on") or a JSON boolean; left out means off. */
const checkbox = (message: string) =>
	v.optional(
		v.pipe(
			v.union([v.boolean(), v.picklist(['on', 'true', 'false', ''])], message),
			v.transform((x) => x === true || x === 'on' || x === 'true')
		),
		false
	);

const peakLevelMessage = `Choose a recall level from ${MIN_PEAK_LEVEL * 100} % to ${MAX_PEAK_LEVEL * 100} %.`;
/** A share (0.9) from JSON or from the form's select; left out means the default. */
const peakLevel = v.optional(
	v.pipe(
		v.union(
			[
				v.number(peakLevelMessage),
				v.pipe(
					v.string(),
					v.trim(),
					v.regex(/^0?\.\d{1,3}$/, peakLevelMessage),
					v.transform(Number)
				)
			],
			peakLevelMessage
		),
		v.minValue(MIN_PEAK_LEVEL, peakLevelMessage),
		v.maxValue(MAX_PEAK_LEVEL, peakLevelMessage)
	),
	DEFAULT_PEAK_LEVEL
);

/** The settings schema; dates are checked against the learner's `today`. */
export function settingsSchema(today: string) {
	const latest = addDays(today, 10 * 366);
	return v.pipe(
		v.object({
			minutesPerDay: v.pipe(
				wholeNumber('Enter the minutes you can study on a normal day.'),
				v.minValue(MIN_MINUTES, `Plan at least ${MIN_MINUTES} minutes a day.`),
				v.maxValue(MAX_MINUTES, `Plan at most ${MAX_MINUTES} minutes a day.`)
			),
			studyDays: v.pipe(
				weekdays('Choose your study days.'),
				v.minLength(1, 'Choose at least one study day.')
			),
			lightDays: weekdays('Choose your lighter days.'),
			lightMinutes: v.pipe(
				wholeNumber('Enter the minutes for a lighter day.'),
				v.minValue(0, 'Use 0 or more minutes.'),
				v.maxValue(MAX_MINUTES, `Plan at most ${MAX_MINUTES} minutes a day.`)
			),
			targetDate: v.pipe(
				v.nullable(v.union([v.literal(''), isoDate('Enter the target date as a date.')])),
				v.transform((d) => d || null),
				v.check(
					(d) => d === null || (d >= today && d <= latest),
					'Pick a target date from today on, within ten years.'
				)
			),
			peakOnDate: checkbox('Send peakOnDate as true or false.'),
			peakLevel,
			breaks: v.pipe(
				v.array(breakRangeSchema, 'Breaks are a list of date ranges.'),
				v.maxLength(MAX_BREAKS, `Keep at most ${MAX_BREAKS} breaks.`)
			),
			reviewTime: clock('Enter a time such as 08:00.'),
			studyTime: clock('Enter a time such as 19:00.')
		}),
		v.forward(
			v.partialCheck(
				[['minutesPerDay'], ['lightMinutes']],
				(s) => s.lightMinutes <= s.minutesPerDay,
				'A lighter day cannot have more minutes than a normal one.'
			),
			['lightMinutes']
		),
		v.forward(
			v.partialCheck(
				[['peakOnDate'], ['targetDate']],
				(s) => !s.peakOnDate || s.targetDate !== null,
				'Set a target date to peak on it.'
			),
			['peakOnDate']
		),
		// A lighter day that is not a study day means nothing: drop it rather than fail.
		v.transform((s): PlanSettings => ({
			...s,
			lightDays: s.lightDays.filter((d) => s.studyDays.includes(d))
		}))
	);
}

/** The form's fields as the schema expects them: checkboxes become weekday lists. */
export function settingsFromForm(data: FormData, current: PlanSettings): Record<string, unknown> {
	const text = (name: string) => {
		const value = data.get(name);
		return typeof value === 'string' ? value : '';
	};
	const list = (name: string) => data.getAll(name).filter((x) => typeof x === 'string');
	return {
		minutesPerDay: text('minutesPerDay'),
		studyDays: list('studyDays'),
		lightDays: list('lightDays'),
		lightMinutes: text('lightMinutes'),
		targetDate: text('targetDate'),
		peakOnDate: text('peakOnDate'),
		peakLevel: text('peakLevel') || current.peakLevel,
		reviewTime: text('reviewTime') || current.reviewTime,
		studyTime: text('studyTime') || current.studyTime,
		breaks: current.breaks
	};
}

export async function getSettings(db: Queryable, userId: string): Promise<PlanSettings> {
	const [row] = await db.select().from(planSettings).where(eq(planSettings.userId, userId));
	if (!row) return { ...DEFAULT_SETTINGS };
	return {
		minutesPerDay: row.minutesPerDay,
		studyDays: row.studyDays,
		lightDays: row.lightDays,
		lightMinutes: row.lightMinutes,
		targetDate: row.targetDate,
		peakOnDate: row.peakOnDate,
		peakLevel: row.peakLevel,
		breaks: row.breaks,
		reviewTime: row.reviewTime,
		studyTime: row.studyTime
	};
}

export async function saveSettings(
	db: Queryable,
	userId: string,
	settings: PlanSettings,
	now: Date
): Promise<void> {
	const values = { ...settings, updatedAt: now };
	await db
		.insert(planSettings)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: planSettings.userId, set: values });
	// Switching interview-date mode on, or moving its date, also concerns cards already scheduled.
	if (settings.peakOnDate) await bringForward(db, userId, now);
}
