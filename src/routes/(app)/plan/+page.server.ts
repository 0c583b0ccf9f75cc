import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { FIX_FIELDS, formFailure, validate } from '$lib/server/validation';
import { loadPlan, markStep } from '$lib/server/plan/service';
import {
	getSettings,
	saveSettings,
	settingsFromForm,
	settingsSchema
} from '$lib/server/plan/settings';
import { learnerDay } from '$lib/server/plan/clock';
import { getReviewSettings } from '$lib/server/reviews/settings';
import { breakSchema, stepSchema } from './forms';
import { pageData } from './page-data';

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const view = await loadPlan(db, user.id, new Date());
	// The review queue takes the smaller of the plan's pace and this limit: say the same number.
	const { newCardsPerDay } = await getReviewSettings(db, user.id);
	return {
		plan: view ? pageData(view, event.url.searchParams.has('all')) : null,
		newCardsLimit: newCardsPerDay,
		settings: view?.settings ?? (await getSettings(db, user.id)),
		today: view?.today ?? (await learnerDay(db, user.id, new Date()))
	};
};

export const actions: Actions = {
	settings: async (event) => {
		const { user } = requireUser(event);
		const db = await getDb();
		const now = new Date();
		const current = await getSettings(db, user.id);
		const input = settingsFromForm(await event.request.formData(), current);
		const parsed = validate(settingsSchema(await learnerDay(db, user.id, now)), input);
		if (!parsed.ok)
			return formFailure(400, { form: 'settings', values: input }, FIX_FIELDS, parsed.errors);
		await saveSettings(db, user.id, parsed.data, now);
		return { form: 'settings', done: 'Saved. The plan now follows your new budget.' };
	},

	addBreak: async (event) => {
		const { user } = requireUser(event);
		const db = await getDb();
		const now = new Date();
		const data = await event.request.formData();
		const values = {
			start: String(data.get('breakStart') ?? ''),
			end: String(data.get('breakEnd') ?? '')
		};
		const one = validate(breakSchema, values);
		if (!one.ok) return formFailure(400, { form: 'break', values }, FIX_FIELDS, one.errors);
		const current = await getSettings(db, user.id);
		const next = { ...current, breaks: [...current.breaks, one.data] };
		const parsed = validate(settingsSchema(await learnerDay(db, user.id, now)), next);
		if (!parsed.ok) {
			// A problem elsewhere in stored settings (a target date now in the past, say) is
			// reported on the break form, where the learner is.
			const message =
				parsed.errors['breaks'] ??
				parsed.errors['breaks.' + current.breaks.length + '.end'] ??
				parsed.message;
			return formFailure(400, { form: 'break', values }, message, { end: message });
		}
		await saveSettings(db, user.id, parsed.data, now);
		return { form: 'break', done: 'Break added; the plan skips those days.' };
	},

	removeBreak: async (event) => {
		const { user } = requireUser(event);
		const db = await getDb();
		const index = Number((await event.request.formData()).get('index'));
		const current = await getSettings(db, user.id);
		if (!Number.isInteger(index) || index < 0 || index >= current.breaks.length) {
			error(404, 'No such break.');
		}
		const breaks = current.breaks.filter((_, i) => i !== index);
		await saveSettings(db, user.id, { ...current, breaks }, new Date());
		return { form: 'break', done: 'Break removed.' };
	},

	done: async (event) => {
		const { user } = requireUser(event);
		const db = await getDb();
		const data = await event.request.formData();
		const parsed = validate(stepSchema, { key: data.get('key'), can: data.getAll('can') });
		if (!parsed.ok) error(400, parsed.message);
		const view = await loadPlan(db, user.id, new Date());
		const item = view?.items.find((i) => i.key === parsed.data.key);
		if (!view || !item) error(404, 'That step is not in your plan.');
		const ticked = new Set(parsed.data.can);
		if (item.can.some((_, i) => !ticked.has(i))) {
			return formFailure(
				400,
				{ form: 'step', key: item.key, ticked: [...ticked] },
				'Tick every statement first — or skip the step if you do not need it.'
			);
		}
		const result = await markStep(db, user.id, item.key, 'done', new Date());
		if (!result.ok && result.reason === 'not-found') error(404, 'That step is not in your plan.');
		return {
			form: 'step',
			key: item.key,
			done: `${item.skillName} ${item.fromLevel}→${item.toLevel} done.`
		};
	},

	skip: async (event) => {
		const { user } = requireUser(event);
		const data = await event.request.formData();
		const parsed = validate(stepSchema, { key: data.get('key'), can: [] });
		if (!parsed.ok) error(400, parsed.message);
		const result = await markStep(await getDb(), user.id, parsed.data.key, 'skipped', new Date());
		if (!result.ok && result.reason === 'not-found') error(404, 'That step is not in your plan.');
		return { form: 'step', key: parsed.data.key, done: 'Step skipped.' };
	},

	replan: async (event) => {
		const { user } = requireUser(event);
		const view = await loadPlan(await getDb(), user.id, new Date(), { replan: true });
		if (!view) redirect(303, '/start');
		return { form: 'replan', done: 'Re-planned from today.' };
	}
};
