import * as v from 'valibot';
import { MAX_LEVEL } from '$lib/core/types';
import { getGraph } from '$lib/server/content';

export const levelSchema = v.pipe(
	v.number('Choose a level from 0 to 4.'),
	v.integer('Choose a level from 0 to 4.'),
	v.minValue(0, 'Choose a level from 0 to 4.'),
	v.maxValue(MAX_LEVEL, 'Choose a level from 0 to 4.')
);

export const skillIdSchema = v.pipe(
	v.string('Give a skill id.'),
	v.check((id) => getGraph().skillById.has(id), 'No skill has this id.')
);

export const MAX_RATINGS = 100;

/** POST /api/assessments and the rating forms: one or more ratings, one per skill. */
export const ratingsSchema = v.object({
	ratings: v.pipe(
		v.array(v.object({ skillId: skillIdSchema, level: levelSchema }), 'Send a list of ratings.'),
		v.minLength(1, 'Send at least one rating.'),
		v.maxLength(MAX_RATINGS, `Send at most ${MAX_RATINGS} ratings at once.`),
		v.check(
			(list) => new Set(list.map((r) => r.skillId)).size === list.length,
			'Rate each skill once per request.'
		)
	)
});

export type RatingsInput = v.InferOutput<typeof ratingsSchema>;

/** A level typed into a form field ("3") as the number the schema expects; NaN when not one. */
export function formLevel(value: string | undefined): number {
	return value !== undefined && /^\d$/.test(value.trim()) ? Number(value) : NaN;
}
