import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { readJson } from '$lib/server/validation';
import { importLearner } from '$lib/server/reviews/portable';

/** An export of years of daily reviews stays well under this. */
const MAX_IMPORT_BYTES = 50_000_000;

export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const doc = await readJson(event.request, MAX_IMPORT_BYTES);
	const result = await importLearner(await getDb(), user.id, doc);
	if (!result.ok) return json({ message: result.message }, { status: result.status });
	return json({ imported: result.rows });
};
