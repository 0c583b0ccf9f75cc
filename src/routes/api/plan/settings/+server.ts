import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import { getSettings, saveSettings, settingsSchema } from '$lib/server/plan/settings';
import { learnerDay } from '$lib/server/plan/clock';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	return json(await getSettings(await getDb(), user.id));
};

/** Sets the budget; fields left out keep their value. Validated exactly like the form. */
export const PUT: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const body = await readJson(event.request);
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return badRequest('Send the settings as a JSON object.');
	}
	const db = await getDb();
	const now = new Date();
	const current = await getSettings(db, user.id);
	const parsed = validate(settingsSchema(await learnerDay(db, user.id, now)), {
		...current,
		...body
	});
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	await saveSettings(db, user.id, parsed.data, now);
	return json(parsed.data);
};
