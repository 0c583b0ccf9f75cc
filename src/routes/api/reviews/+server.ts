import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import { applyReviews, reviewsBodySchema } from '$lib/server/reviews';

// 200 with one result per review even when some are rejected; 400 only for a malformed body.
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(reviewsBodySchema, await readJson(event.request, 2_000_000));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const results = await applyReviews(await getDb(), user.id, parsed.data.reviews, new Date());
	return json({ results });
};
