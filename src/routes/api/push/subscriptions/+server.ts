import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	endpointSchema,
	pushConfigFrom,
	removeSubscription,
	saveSubscription,
	subscriptionSchema
} from '$lib/server/push';

/** Stores this browser's PushSubscription for the learner (again: refreshes its keys). */
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(subscriptionSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const config = pushConfigFrom(env);
	const saved = await saveSubscription(await getDb(), user.id, parsed.data, config, new Date());
	if (!saved.ok) return badRequest(`endpoint: ${saved.reason}`, { endpoint: saved.reason });
	return json(
		{ endpoint: parsed.data.endpoint, expirationTime: parsed.data.expirationTime ?? null },
		{ status: 201 }
	);
};

/** Removes one of the learner's subscriptions; anyone else's endpoint is a 404. */
export const DELETE: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(endpointSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const removed = await removeSubscription(await getDb(), user.id, parsed.data.endpoint);
	if (!removed) return json({ message: 'No such subscription.' }, { status: 404 });
	return new Response(null, { status: 204 });
};
