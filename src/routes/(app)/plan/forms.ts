import * as v from 'valibot';
import { breakRangeSchema } from '$lib/server/plan/settings';

/** One break from the add-a-break form. */
export const breakSchema = breakRangeSchema;

/** A step to mark: its key and the indices of the can-do statements ticked. */
export const stepSchema = v.object({
	key: v.pipe(v.string('Choose a step.'), v.regex(/^[a-z0-9-]{1,64}@[1-4]$/, 'Choose a step.')),
	can: v.pipe(
		v.array(v.pipe(v.string(), v.regex(/^\d{1,2}$/), v.transform(Number))),
		v.maxLength(20)
	)
});
