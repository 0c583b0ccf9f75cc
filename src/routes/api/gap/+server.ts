import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getActiveTargetGap, READINESS_DEFINITION } from '$lib/server/gap';

/** The active target's gap per skill and its readiness (404 without an active target). */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const gap = await getActiveTargetGap(await getDb(), user.id, new Date());
	if (!gap) error(404, 'No active target: create one with POST /api/targets.');
	return json({
		target: gap.target,
		entries: gap.entries.map((e) => ({
			skillId: e.skillId,
			target: e.target,
			current: e.current,
			gap: e.gap,
			weight: e.weight,
			via: e.via,
			selfRated: e.selfRated,
			direct: e.direct
		})),
		readiness: gap.readiness,
		readinessDefinition: READINESS_DEFINITION
	});
};
