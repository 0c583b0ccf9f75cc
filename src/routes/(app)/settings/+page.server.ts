import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { refuseImport } from '$lib/server/http/import-limit';
import {
	FIX_FIELDS,
	formFailure,
	formFields,
	jsonFromBytes,
	validate
} from '$lib/server/validation';
import {
	getReviewSettings,
	reviewSettingsSchema,
	saveReviewSettings,
	setCardFlag,
	settingsForm,
	suspendedCards
} from '$lib/server/reviews';
import { applyFit, fitStatus, startFit } from '$lib/server/reviews/optimise';
import { MAX_IMPORT_BYTES, importLearner } from '$lib/server/reviews/portable';
import { formatBytes } from '$lib/server/http/body';
import { timeZones } from './time-zones';
import { reminderSection, saveReminder } from './reminder-form.server';

/** A fit usually finishes in well under a second; the page waits this long at most. */
const FIT_WAIT_MS = 5_000;

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const now = new Date();
	const settings = await getReviewSettings(db, user.id);
	return {
		values: settingsForm(settings),
		lightDays: settings.lightDays,
		timeZones: timeZones(settings.timezone),
		fit: await fitStatus(db, user.id, now),
		suspended: await suspendedCards(db, user.id),
		reminder: await reminderSection(db, user.id, settings.timezone)
	};
};

export const actions: Actions = {
	reminders: saveReminder,

	save: async (event) => {
		const { user } = requireUser(event);
		const fields = formFields(await event.request.formData());
		const parsed = validate(reviewSettingsSchema, fields);
		const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.slice(0, 100)]));
		if (!parsed.ok) return formFailure(400, { form: 'save', values }, FIX_FIELDS, parsed.errors);
		await saveReviewSettings(await getDb(), user.id, parsed.data, new Date());
		return { form: 'save', done: 'Saved. New settings apply from your next review.' };
	},

	unsuspend: async (event) => {
		const { user } = requireUser(event);
		const cardId = String((await event.request.formData()).get('cardId') ?? '').slice(0, 200);
		const card = cardId
			? await setCardFlag(await getDb(), user.id, cardId, 'unsuspend', new Date())
			: null;
		if (!card) return formFailure(404, { form: 'unsuspend' }, 'No such card.');
		return { form: 'unsuspend', done: 'The card is back in your reviews.' };
	},

	fit: async (event) => {
		const { user } = requireUser(event);
		const run = await startFit(await getDb(), user.id, new Date());
		if (!run.started) return formFailure(400, { form: 'fit' }, run.reason ?? 'Cannot fit now.');
		await Promise.race([run.done, new Promise((r) => setTimeout(r, FIT_WAIT_MS))]);
		return { form: 'fit', done: '' };
	},

	apply: async (event) => {
		const { user } = requireUser(event);
		const applied = await applyFit(await getDb(), user.id, new Date());
		if (!applied) return formFailure(400, { form: 'fit' }, 'There is no finished fit to apply.');
		return { form: 'fit', done: 'Your personal parameters are in use; every card was recomputed.' };
	},

	import: async (event) => {
		const { user } = requireUser(event);
		const refused = refuseImport(event, user.id);
		if (refused) return formFailure(429, { form: 'import' }, refused);
		const file = (await event.request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return formFailure(400, { form: 'import' }, FIX_FIELDS, { file: 'Choose an export file.' });
		if (file.size > MAX_IMPORT_BYTES)
			return formFailure(400, { form: 'import' }, FIX_FIELDS, {
				file: `That file is over the limit of ${formatBytes(MAX_IMPORT_BYTES)}.`
			});
		const parsed = jsonFromBytes(await file.arrayBuffer(), 'That file');
		if (!parsed.ok)
			return formFailure(400, { form: 'import' }, FIX_FIELDS, { file: parsed.message });
		const result = await importLearner(await getDb(), user.id, parsed.value);
		if (!result.ok) return formFailure(result.status, { form: 'import' }, result.message);
		const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
		return { form: 'import', done: `Imported ${total} records.` };
	}
};
