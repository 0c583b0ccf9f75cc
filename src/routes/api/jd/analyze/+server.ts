import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { badRequest, readJson, validate } from '$lib/server/validation';
import { analyseFor, jdTextSchema, tooMany } from '$lib/server/targets';

const bodySchema = v.object({ text: jdTextSchema }, 'Send {"text": "…"} with the job description.');

/** Public: the skills a job description asks for. Rate-limited per account, or per address. */
export const POST: RequestHandler = async (event) => {
	const caller = { userId: event.locals.user?.id, address: event.getClientAddress() };
	const parsed = validate(bodySchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const result = analyseFor(caller, parsed.data.text);
	if (!result.ok) {
		return json(
			{ message: tooMany(result.wait, 's') },
			{ status: 429, headers: { 'retry-after': String(result.wait) } }
		);
	}
	const { skills, unmatched, title } = result.analysis;
	return json({ skills, unmatched, title });
};
