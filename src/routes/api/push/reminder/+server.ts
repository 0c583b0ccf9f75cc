import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import { getReminderSettings, reminderSchema, saveReminderSettings } from '$lib/server/push';

/** The learner's reminder time and ISO weekdays (1 = Monday), in their time zone. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	return json(await getReminderSettings(await getDb(), user.id));
};

// The settings form's schema; a field left out keeps its current value.
export const PUT: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const body = await readJson(event.request);
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return badRequest('Send the reminder as a JSON object: {"time": "19:00", "days": [1, 2, 3]}.');
	const db = await getDb();
	const current = await getReminderSettings(db, user.id);
	const parsed = validate(reminderSchema, { ...current, ...body });
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	await saveReminderSettings(db, user.id, parsed.data, new Date());
	return json(await getReminderSettings(db, user.id));
};
