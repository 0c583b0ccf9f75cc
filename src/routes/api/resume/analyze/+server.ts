import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { badRequest, readJson, validate } from '$lib/server/validation';
import { tooMany } from '$lib/server/targets';
import { analyseResumeFor, cvTextSchema, resumeJson } from '$lib/server/resume';

const bodySchema = v.object({ text: cvTextSchema }, 'Send {"text": "…"} with your CV.');

/** Proposed starting levels from a CV, and the active posting's terms it never mentions. Nothing
 * is stored. */
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(bodySchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const caller = { userId: user.id, address: event.getClientAddress() };
	const result = await analyseResumeFor(await getDb(), caller, parsed.data.text);
	if (!result.ok) {
		return json(
			{ message: tooMany(result.wait, 's') },
			{ status: 429, headers: { 'retry-after': String(result.wait) } }
		);
	}
	return json(resumeJson(result.reading));
};
