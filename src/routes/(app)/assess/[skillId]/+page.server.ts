import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import {
	calibrationItems,
	ratingHistory,
	ratingsSchema,
	readRatingFields,
	recordRatings,
	rubricOf
} from '$lib/server/assessments';
import { evidencedLevels } from '$lib/server/gap';
import { validate } from '$lib/server/validation';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const skill = rubricOf(event.params.skillId);
	if (!skill) error(404, 'No such skill.');
	const db = await getDb();
	const now = new Date();
	const only = new Set([skill.id]);
	const [history, levels, calibration] = await Promise.all([
		ratingHistory(db, user.id, skill.id),
		evidencedLevels(db, user.id, now, only),
		calibrationItems(db, user.id, now, only)
	]);
	const evidence = levels.get(skill.id) ?? null;
	return {
		skill,
		history: history.map((h) => ({
			...h,
			createdAt: h.createdAt.toISOString(),
			// Dated in the learner's own time zone, on the server, so hydration sees the same text.
			day: h.createdAt.toLocaleDateString('en-GB', {
				day: 'numeric',
				month: 'short',
				year: 'numeric',
				timeZone: user.timezone
			})
		})),
		evidence: evidence && {
			selfRated: evidence.selfRated,
			current: evidence.current,
			hasEvidence: evidence.hasEvidence,
			levels: evidence.levels
		},
		calibration: calibration[0] ?? null,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const skill = rubricOf(event.params.skillId);
		if (!skill) error(404, 'No such skill.');
		const { ratings } = readRatingFields(await event.request.formData(), [skill.id]);
		const parsed = validate(ratingsSchema, { ratings });
		if (!parsed.ok) return fail(400, { message: 'Choose the statement that fits you.' });
		await recordRatings(await getDb(), user.id, parsed.data.ratings, 'self', new Date());
		redirect(303, `/assess/${skill.id}?saved`);
	}
};
