import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { badRequest, readJson, validate } from '$lib/server/validation';
import { analyzeText, jdTextSchema, takeAnalysis } from '$lib/server/targets';

const bodySchema = v.object({ text: jdTextSchema }, 'Send {"text": "…"} with the job description.');

/** Public: the skills a job description asks for. Rate-limited per account, or per address. */
export const POST: RequestHandler = async (event) => {
	const wait = takeAnalysis(event.locals.user?.id, event.getClientAddress());
	if (wait > 0) {
		return json(
			{ message: `Too many analyses; try again in ${wait} s.` },
			{ status: 429, headers: { 'retry-after': String(wait) } }
		);
	}
	const parsed = validate(bodySchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const { skills, unmatched } = analyzeText(parsed.data.text);
	return json({ skills, unmatched });
};
