import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { loadForecast } from '$lib/server/forecast';

/** Readiness today and along the plan, with its band and the date the target is reached. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const view = await loadForecast(await getDb(), user.id, new Date());
	if (!view)
		return json({ message: 'No active target yet: set one up at /start.' }, { status: 404 });
	return json({ today: view.today, points: view.points, reachesTarget: view.reachesTarget });
};
