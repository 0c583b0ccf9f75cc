import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { getQueue } from '$lib/server/reviews';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const queue = await getQueue(await getDb(), user.id, new Date());
	// Per learner and per moment: never from a shared cache.
	return json(queue, { headers: { 'cache-control': 'private, no-store' } });
};
