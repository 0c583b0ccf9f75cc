import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { getGraph } from '$lib/server/content';
import { getQueue, getStats, queueSummary } from '$lib/server/reviews';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const skills = getGraph().skillById;
	const db = await getDb();
	const now = new Date();
	const stats = await getStats(db, user.id, now, (id) => skills.get(id)?.name ?? id);
	// Today's numbers as Review and Today count them, so the page can add what waits on the device.
	const summary = queueSummary(await getQueue(db, user.id, now, { previews: false }));
	return { stats, summary };
};
