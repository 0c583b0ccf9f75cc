import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { loadPlan } from '$lib/server/plan/service';
import { planCalendar } from '$lib/server/plan/calendar';

/** The signed-in learner's plan as an iCalendar file, at a stable URL. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const now = new Date();
	const view = await loadPlan(await getDb(), user.id, now);
	if (!view) error(404, 'No active target yet: set one up at /start.');
	return new Response(await planCalendar(view, user.id, now, event.url.origin), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'attachment; filename="gapwise-plan.ics"',
			'cache-control': 'private, no-store'
		}
	});
};
