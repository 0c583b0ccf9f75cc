import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	latestRatings,
	ratingHistory,
	ratingsSchema,
	recordRatings
} from '$lib/server/assessments';
import { getGraph } from '$lib/server/content';

/** The latest rating per skill, or with ?skill=<id> that skill's whole history. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const skillId = event.url.searchParams.get('skill');
	if (skillId !== null) {
		if (!getGraph().skillById.has(skillId)) return badRequest('No skill has this id.');
		const history = await ratingHistory(db, user.id, skillId);
		return json({
			skillId,
			history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() }))
		});
	}
	const latest = await latestRatings(db, user.id);
	return json({
		ratings: [...latest].map(([id, r]) => ({
			skillId: id,
			level: r.level,
			source: r.source,
			createdAt: r.createdAt.toISOString()
		}))
	});
};

/** Self-ratings: {"ratings": [{"skillId", "level"}]}, all saved or none. */
export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(ratingsSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const rows = await recordRatings(await getDb(), user.id, parsed.data.ratings, 'self', new Date());
	return json(
		{
			ratings: rows.map((r) => ({
				id: r.id,
				skillId: r.skillId,
				level: r.level,
				source: r.source,
				createdAt: r.createdAt.toISOString()
			}))
		},
		{ status: 201 }
	);
};
