import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import {
	formLevel,
	levelSchema,
	nextInQueue,
	rateAndImply,
	ratingQueue
} from '$lib/server/assessments';
import { formFields, validate } from '$lib/server/validation';
import { rateUrl, readSkipped, stepView } from './step';

// One skill per screen, in the queue's order (musts first, the most unlocking first); each
// answer is its own POST, so the learner can stop after any of them with a usable gap.
export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const queue = await ratingQueue(await getDb(), user.id);
	if (!queue) redirect(303, '/start');
	const params = event.url.searchParams;
	const skipped = readSkipped(params.get('skipped'), queue.order);
	// ?skill=<id>: the learner chose to (re)rate this one; otherwise the next in the queue.
	const asked = queue.order.find((i) => i.id === params.get('skill'));
	const current = asked ?? nextInQueue(queue, skipped);
	return stepView(queue, current, skipped, params.get('after'));
};

const answerSchema = v.object({
	skillId: v.string(),
	level: v.union([v.literal('skip'), levelSchema])
});

export const actions: Actions = {
	default: async (event) => {
		const { user } = requireUser(event);
		const db = await getDb();
		const queue = await ratingQueue(db, user.id);
		if (!queue) redirect(303, '/start');
		const fields = formFields(await event.request.formData());
		const skipped = readSkipped(fields.skipped ?? null, queue.order);
		const parsed = validate(answerSchema, {
			skillId: fields.skillId ?? '',
			level: fields.level === 'skip' ? 'skip' : formLevel(fields.level)
		});
		const item = queue.order.find((i) => i.id === fields.skillId);
		if (!item) return fail(400, { message: 'This skill is not part of your target.' });
		if (!parsed.ok) return fail(400, { message: 'Choose a level from 0 to 4, or skip.' });
		if (parsed.data.level === 'skip') {
			redirect(303, rateUrl(new Set([...skipped, item.id])));
		}
		await rateAndImply(db, user.id, { skillId: item.id, level: parsed.data.level }, new Date());
		redirect(303, rateUrl(skipped, item.id));
	}
};
