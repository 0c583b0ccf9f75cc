// What POST /api/import accepts, row by row: the schemas of the APIs that create each kind
// of row, plus bounds for what only the server writes (schedules, fits, plans). Keys are the
// tables' TypeScript column keys; portable.ts maps the export's SQL names onto them and
// names a failing field by its SQL name.
import * as v from 'valibot';
import { CLAMP_PARAMETERS, S_MIN, W17_W18_Ceiling } from 'ts-fsrs';
import { isoTimeSchema } from '$lib/core/iso-time';
import { isIsoDate } from '$lib/core/plan/dates';
import { ASSESSMENT_SOURCES, CREDIT_KINDS } from '$lib/server/db/schema';
import { registerSchema } from '$lib/server/auth/forms';
import { levelSchema as ratingLevelSchema } from '$lib/server/assessments/schemas';
import { createCardSchema, PERSONAL_ID_PREFIX } from '$lib/server/cards';
import { createTargetSchema, targetSkillsSchema, withWeight } from '$lib/server/targets/schemas';
import { settingsSchema } from '$lib/server/plan/settings';
import { reminderSchema } from '$lib/server/push/settings';
import { cvTextSchema } from '$lib/server/resume/schemas';
import { reviewSchema } from './apply';
import { reviewSettingsSchema } from './settings';
import {
	isoDateSchema,
	knownSkillSchema,
	planAdjustmentSchema,
	planItemSchema,
	planSchema
} from './portable-plan';

const time = isoTimeSchema('The time');
const uuid = v.pipe(v.string('Send an id.'), v.uuid('The id must be a UUID.'));
const bool = v.boolean('Send true or false.');
const count = (max: number) =>
	v.pipe(
		v.number('Send a whole number.'),
		v.integer('Send a whole number.'),
		v.minValue(0, 'This cannot be negative.'),
		v.maxValue(max, `Use at most ${max.toLocaleString('en')}.`)
	);
const real = (min: number, max: number) =>
	v.pipe(
		v.number('Send a number.'),
		v.finite('Send a finite number.'),
		v.minValue(min, `Use a number from ${min} to ${max}.`),
		v.maxValue(max, `Use a number from ${min} to ${max}.`)
	);

export const personalCardIdSchema = v.pipe(
	v.string('Send a card id.'),
	v.regex(/^pc_[\w-]{1,100}$/, `A personal card id is ${PERSONAL_ID_PREFIX} and letters.`)
);

const ankiGuid = v.pipe(
	v.string('Send the Anki note id as text.'),
	v.minLength(1, 'The Anki note id is empty.'),
	v.maxLength(200, 'The Anki note id is too long.')
);

// The card level of the same schema the forms and POST /api/cards use.
const cardLevel = createCardSchema.pipe[0].entries.level;

/** FSRS memory, as ts-fsrs keeps it (card_state and card_base). */
const memory = {
	due: time,
	stability: real(0, 1e6),
	difficulty: real(0, 10),
	elapsedDays: count(1e6),
	scheduledDays: count(1e6),
	learningSteps: count(100),
	reps: count(1e6),
	lapses: count(1e6),
	state: v.picklist([0, 1, 2, 3], 'The state is 0 (new), 1, 2 or 3.'),
	lastReview: v.nullable(time)
};

interface Memory {
	state: number;
	stability: number;
	difficulty: number;
}

/** A reviewed card's memory is inside what ts-fsrs accepts, or every review of it would fail. */
const reviewedMemory = <T extends Memory>() =>
	v.check<T, string>(
		(m) => m.state === 0 || (m.stability >= S_MIN && m.difficulty >= 1),
		`a reviewed card needs a stability of at least ${S_MIN} and a difficulty from 1 to 10.`
	);

const PARAM_RANGES = CLAMP_PARAMETERS(W17_W18_Ceiling, true);

/** Personal FSRS parameters: a JSON array of 21 numbers inside ts-fsrs's own bounds. */
const fsrsParams = v.pipe(
	v.array(v.pipe(v.number(), v.finite()), 'Send 21 numbers.'),
	v.length(21, 'Send 21 numbers.'),
	v.check(
		(w) => w.every((x, i) => x >= PARAM_RANGES[i]![0]! && x <= PARAM_RANGES[i]![1]!),
		'A parameter is outside the range FSRS allows.'
	)
);

const fsrsParamsText = v.pipe(
	v.string('Send the parameters as JSON text.'),
	v.maxLength(2_000, 'The parameters are too long.'),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		try {
			return JSON.parse(dataset.value) as unknown;
		} catch {
			addIssue({ message: 'The parameters are not JSON.' });
			return NEVER;
		}
	}),
	fsrsParams,
	v.transform((w) => JSON.stringify(w))
);

const fitScore = v.nullable(
	v.object({ logLoss: real(0, 1e6), rmse: real(0, 1e6) }, 'Send a score.')
);

const email = registerSchema.entries.email.wrapped;
const target = createTargetSchema.pipe[0].entries;
const reviewSetting = reviewSettingsSchema.entries;

/** The `user` columns an export carries: each optional, each as the settings form checks it. */
export const profileSchema = v.partial(
	v.object({
		email: v.pipe(
			v.nullable(email),
			v.transform((e) => e || null)
		),
		timezone: reviewSetting.timezone,
		dayStartHour: reviewSetting.dayStartHour,
		desiredRetention: reviewSetting.desiredRetention,
		maximumInterval: reviewSetting.maximumInterval,
		fsrsParams: v.nullable(fsrsParamsText)
	})
);

/** Plan settings as PUT /api/plan/settings checks them, except that a target date already past is kept. */
function planSettingsSchema(today: string) {
	return v.lazy((row) => {
		const date = (row as { targetDate?: unknown } | null)?.targetDate;
		const earliest = typeof date === 'string' && isIsoDate(date) && date < today ? date : today;
		return v.intersect([settingsSchema(earliest), v.object({ updatedAt: time })]);
	});
}

export interface RowContext {
	/** The learner's calendar day now, for dates that must not lie in the past. */
	today: string;
}

/** One schema per exported table (keys as in portable-tables.ts). */
export function rowSchemas(ctx: RowContext) {
	return {
		assessment: v.object({
			id: uuid,
			skillId: knownSkillSchema,
			level: ratingLevelSchema,
			source: v.picklist(ASSESSMENT_SOURCES, `Use one of ${ASSESSMENT_SOURCES.join(', ')}.`),
			createdAt: time
		}),
		target: v.object({
			id: uuid,
			name: target.name,
			roleId: target.roleId,
			jdText: target.jdText,
			skills: v.pipe(
				targetSkillsSchema,
				v.transform((skills) => skills.map(withWeight))
			),
			active: bool,
			createdAt: time,
			updatedAt: time
		}),
		plan_settings: planSettingsSchema(ctx.today),
		study_plan: v.object({
			targetId: uuid,
			inputsHash: v.pipe(v.string('Send a hash.'), v.maxLength(200, 'The hash is too long.')),
			generatedOn: isoDateSchema,
			plan: planSchema,
			adjustment: v.nullable(planAdjustmentSchema),
			updatedAt: time
		}),
		plan_progress: v.pipe(
			v.object({
				stepKey: planItemSchema.pipe[0].entries.key,
				skillId: knownSkillSchema,
				level: cardLevel,
				status: v.picklist(['done', 'skipped'], 'The status is done or skipped.'),
				on: isoDateSchema,
				item: planItemSchema,
				createdAt: time
			}),
			v.check((p) => p.stepKey === `${p.skillId}@${p.level}`, 'The step key is skillId@level.')
		),
		personal_card: v.intersect([
			createCardSchema,
			v.object({
				id: personalCardIdSchema,
				// Recomputed from the text: a stale or forged hash must not defeat duplicate checks.
				contentHash: v.optional(v.string()),
				ankiGuid: v.nullish(ankiGuid, null),
				ankiOrd: v.nullish(count(1_000), null),
				createdAt: time,
				updatedAt: time
			})
		]),
		review_settings: v.object({
			learningSteps: reviewSetting.learningSteps,
			relearningSteps: reviewSetting.relearningSteps,
			newCardsPerDay: reviewSetting.newCardsPerDay,
			// Exports from before the setting existed: it was off.
			creditPrerequisites: v.optional(bool, false),
			updatedAt: time
		}),
		card_state: v.pipe(
			v.object({
				cardId: reviewSchema.entries.cardId,
				skillId: knownSkillSchema,
				level: cardLevel,
				...memory,
				suspended: v.optional(bool, false),
				leech: v.optional(bool, false),
				buriedUntil: v.nullable(time)
			}),
			reviewedMemory()
		),
		card_base: v.pipe(
			v.object({ cardId: reviewSchema.entries.cardId, ...memory, capturedAt: time }),
			reviewedMemory()
		),
		review_log: v.intersect([
			reviewSchema,
			v.object({
				receivedAt: time,
				stateBefore: v.nullable(memory.state),
				dueAfter: v.nullable(time)
			})
		]),
		review_undo: v.object({ reviewId: uuid, undoneAt: time }),
		review_credit: v.object({
			reviewId: uuid,
			cardId: reviewSchema.entries.cardId,
			kind: v.picklist(CREDIT_KINDS, 'The kind is credit or forward.'),
			fraction: real(0, 1),
			creditedAt: time,
			stabilityBefore: memory.stability,
			dueBefore: time,
			stabilityAfter: memory.stability,
			dueAfter: time
		}),
		fsrs_fit: v.object({
			status: v.picklist(['running', 'done', 'failed', 'applied'], 'Unknown fit status.'),
			reviewCount: count(1e8),
			params: v.nullable(fsrsParams),
			before: fitScore,
			after: fitScore,
			error: v.nullable(
				v.pipe(v.string('Send text.'), v.maxLength(2_000, 'The error text is too long.'))
			),
			startedAt: time,
			finishedAt: v.nullable(time)
		}),
		push_reminder: v.intersect([reminderSchema, v.object({ updatedAt: time })]),
		resume: v.object({ text: cvTextSchema, updatedAt: time })
	} satisfies Record<string, v.GenericSchema>;
}
