import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { readJson } from '$lib/server/validation';
import { undoReview } from '$lib/server/reviews';

const notFound = () => json({ message: 'No such review.' }, { status: 404 });

// Idempotent: undoing an undone review answers the same again. Another learner's review is
// "not found", exactly like one that never existed.
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	// The body carries nothing, but like every JSON endpoint it must be JSON (no cross-site text/plain).
	await readJson(event.request);
	if (!v.is(v.pipe(v.string(), v.uuid()), event.params.id)) return notFound();
	const result = await undoReview(await getDb(), user.id, event.params.id, new Date());
	return result.status === 'not-found' ? notFound() : json(result);
};
