import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { getGraph } from '$lib/server/content';
import { getStats } from '$lib/server/reviews';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const skills = getGraph().skillById;
	const stats = await getStats(
		await getDb(),
		user.id,
		new Date(),
		(id) => skills.get(id)?.name ?? id
	);
	return { stats };
};
