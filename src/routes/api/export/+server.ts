import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { exportLearner } from '$lib/server/reviews/portable';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const now = new Date();
	const doc = await exportLearner(await getDb(), user.id, now);
	const day = now.toISOString().slice(0, 10);
	return json(doc, {
		headers: {
			'cache-control': 'private, no-store',
			'content-disposition': `attachment; filename="gapwise-${day}.json"`
		}
	});
};
