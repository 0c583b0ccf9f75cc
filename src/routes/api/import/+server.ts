import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { refuseImport } from '$lib/server/http/import-limit';
import { readJson } from '$lib/server/validation';
import { MAX_IMPORT_BYTES, importLearner } from '$lib/server/reviews/portable';

export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const refused = refuseImport(event, user.id);
	if (refused) return json({ message: refused }, { status: 429 });
	const doc = await readJson(event.request, MAX_IMPORT_BYTES);
	const result = await importLearner(await getDb(), user.id, doc);
	if (!result.ok) return json({ message: result.message }, { status: result.status });
	return json({ imported: result.rows });
};
