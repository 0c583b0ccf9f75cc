import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlan } from '$lib/server/plan/service';
import { planJson } from '$lib/server/plan/json';

export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const view = await loadPlan(await getDb(), user.id, new Date());
	if (!view)
		return json({ message: 'No active target yet: set one up at /start.' }, { status: 404 });
	return json(planJson(view));
};
