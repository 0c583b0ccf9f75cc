import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	getReviewSettings,
	reviewSettingsOnly,
	reviewSettingsSchema,
	saveReviewSettings,
	settingsForm
} from '$lib/server/reviews';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	return json(reviewSettingsOnly(await getReviewSettings(await getDb(), user.id)));
};

// The same schema as the settings form. Fields left out keep their current value.
export const PUT: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const body = await readJson(event.request);
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return badRequest('Send the settings as a JSON object.');
	const db = await getDb();
	const current = settingsForm(await getReviewSettings(db, user.id));
	const parsed = validate(reviewSettingsSchema, { ...current, ...body });
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	await saveReviewSettings(db, user.id, parsed.data, new Date());
	return json(reviewSettingsOnly(await getReviewSettings(db, user.id)));
};
