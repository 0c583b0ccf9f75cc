import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	DUPLICATE_MESSAGE,
	cardJson,
	deletePersonalCard,
	getPersonalCard,
	patchCardSchema,
	updatePersonalCard
} from '$lib/server/cards';

// Another learner's card answers exactly like a card that does not exist.
const notFound = () => json({ message: 'No such card.' }, { status: 404 });

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const card = await getPersonalCard(await getDb(), user.id, event.params.id);
	return card ? json(await cardJson(card)) : notFound();
};

export const PATCH: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(patchCardSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const result = await updatePersonalCard(
		await getDb(),
		user.id,
		event.params.id,
		parsed.data,
		new Date()
	);
	if (result.ok) return json(await cardJson(result.card));
	if (result.reason === 'not-found') return notFound();
	return json({ message: DUPLICATE_MESSAGE, id: result.existingId }, { status: 409 });
};

export const DELETE: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const deleted = await deletePersonalCard(await getDb(), user.id, event.params.id);
	return deleted ? new Response(null, { status: 204 }) : notFound();
};
