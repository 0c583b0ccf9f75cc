import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb, type Database } from '$lib/server/db';
import { getGraph } from '$lib/server/content';
import { prerequisiteClosure } from '$lib/core/graph';
import {
	latestRatings,
	ratingsSchema,
	readRatingFields,
	recordRatings,
	rubricOf
} from '$lib/server/assessments';
import { getActiveTarget } from '$lib/server/targets';
import { validate, type FieldErrors } from '$lib/server/validation';

/** The target's skills (must first), then the prerequisites they pull in. */
async function skillsToRate(db: Database, userId: string) {
	const target = await getActiveTarget(db, userId);
	if (!target) redirect(303, '/start');
	const direct = [...target.skills].sort(
		(a, b) => Number(b.importance === 'must') - Number(a.importance === 'must')
	);
	const directIds = new Set(direct.map((s) => s.id));
	const closure = prerequisiteClosure(
		getGraph(),
		target.skills.map((s) => ({ id: s.id, level: s.targetLevel }))
	);
	const prerequisites = closure.filter((r) => !directIds.has(r.id)).map((r) => r.id);
	return { target, direct: direct.map((s) => s.id), prerequisites };
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const { target, direct, prerequisites } = await skillsToRate(db, user.id);
	const latest = await latestRatings(db, user.id);
	const view = (id: string) => ({
		...rubricOf(id)!,
		rated: latest.has(id) ? String(latest.get(id)!.level) : 'skip'
	});
	return {
		targetName: target.name,
		direct: direct.map(view),
		prerequisites: prerequisites.map(view)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const db = await getDb();
		const { direct, prerequisites } = await skillsToRate(db, user.id);
		const { ratings, chosen } = readRatingFields(await event.request.formData(), [
			...direct,
			...prerequisites
		]);
		if (ratings.length > 0) {
			const parsed = validate(ratingsSchema, { ratings });
			if (!parsed.ok) {
				const errors: FieldErrors = {};
				for (const [key, message] of Object.entries(parsed.errors)) {
					const index = /^ratings\.(\d+)/.exec(key)?.[1];
					errors[index === undefined ? '_' : ratings[Number(index)]!.skillId] = message;
				}
				return fail(400, {
					message: 'Please choose a level for the marked skills.',
					errors,
					chosen
				});
			}
			await recordRatings(db, user.id, parsed.data.ratings, 'self', new Date());
		}
		redirect(303, '/gap?from=start');
	}
};
