import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { MAX_CV_CHARS } from '$lib/core/resume';
import {
	latestRatings,
	MAX_RATINGS,
	ratingsSchema,
	readRatingFields,
	recordRatings
} from '$lib/server/assessments';
import {
	analyseResumeFor,
	cvTextSchema,
	forgetResume,
	keepOnlyIfAsked,
	keptResume
} from '$lib/server/resume';
import { getActiveTarget, tooMany } from '$lib/server/targets';
import { formFields, validate } from '$lib/server/validation';
import { missingOf, proposalsOf } from './proposals';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const [target, kept] = await Promise.all([getActiveTarget(db, user.id), keptResume(db, user.id)]);
	return {
		target: target ? { name: target.name, fromPosting: Boolean(target.jdText) } : null,
		kept: kept ? { text: kept.text, updatedAt: kept.updatedAt.toISOString() } : null,
		maxChars: MAX_CV_CHARS
	};
};

export const actions: Actions = {
	analyze: async (event) => {
		const { user } = requireUser(event);
		const fields = formFields(await event.request.formData());
		const keep = fields.keep === 'on';
		const text = (fields.text ?? '').slice(0, MAX_CV_CHARS + 1000);
		const parsed = validate(cvTextSchema, fields.text ?? '');
		if (!parsed.ok)
			return fail(400, { step: 'paste' as const, text, keep, message: parsed.message });
		const db = await getDb();
		const caller = { userId: user.id, address: event.getClientAddress() };
		const made = await analyseResumeFor(db, caller, parsed.data);
		if (!made.ok)
			return fail(429, { step: 'paste' as const, text, keep, message: tooMany(made.wait) });
		await keepOnlyIfAsked(db, user.id, parsed.data, keep, new Date());
		const [target, latest] = await Promise.all([
			getActiveTarget(db, user.id),
			latestRatings(db, user.id)
		]);
		return {
			step: 'review' as const,
			text: parsed.data,
			keep,
			proposals: proposalsOf(made.reading, target, latest),
			missing: missingOf(made.reading)
		};
	},

	confirm: async (event) => {
		const { user } = requireUser(event);
		const data = await event.request.formData();
		const ids = [...new Set(data.getAll('skill').filter((v) => typeof v === 'string'))];
		const { ratings } = readRatingFields(data, ids.slice(0, MAX_RATINGS));
		if (ratings.length === 0)
			return fail(400, { step: 'paste' as const, message: 'Keep at least one skill to save.' });
		const parsed = validate(ratingsSchema, { ratings });
		if (!parsed.ok) return fail(400, { step: 'paste' as const, message: parsed.message });
		const db = await getDb();
		await recordRatings(db, user.id, parsed.data.ratings, 'self', new Date());
		// The gap needs a target: without one, the ratings wait for the learner to choose it.
		redirect(303, (await getActiveTarget(db, user.id)) ? '/gap' : '/start');
	},

	forget: async (event) => {
		const { user } = requireUser(event);
		await forgetResume(await getDb(), user.id);
		return { step: 'paste' as const, forgotten: true };
	}
};
