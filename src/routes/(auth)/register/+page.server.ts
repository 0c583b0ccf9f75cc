import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { registerUser } from '$lib/server/auth/user';
import { formatWait } from '$lib/server/auth/attempt';
import { registerSchema } from '$lib/server/auth/forms';
import { startSession } from '$lib/server/auth/login';
import { FIX_FIELDS, formFailure, formFields, validate } from '$lib/server/validation';
import { knownTimeZone, saveTimeZone } from '$lib/server/time-zone';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/today');
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const kept = {
			username: (fields.username ?? '').slice(0, 64),
			email: (fields.email ?? '').slice(0, 254)
		};
		const parsed = validate(registerSchema, fields);
		if (!parsed.ok) return formFailure(400, kept, FIX_FIELDS, parsed.errors);

		const db = await getDb();
		const result = await registerUser(db, { ...parsed.data, address: event.getClientAddress() });
		if (!result.ok && result.reason === 'throttled') {
			const wait = formatWait(result.retryAfterMs);
			return formFailure(
				429,
				kept,
				`Too many sign-up attempts from your network. Wait ${wait} and try again.`
			);
		}
		if (!result.ok) {
			return formFailure(400, kept, 'That username is taken.', {
				username: 'That username is taken; choose another.'
			});
		}
		// The device's zone (filled in by the page's script); without one the days follow UTC.
		const zone = knownTimeZone(fields.timezone);
		if (zone) await saveTimeZone(db, result.userId, zone);
		await startSession(event, db, result.userId);
		redirect(303, '/today');
	}
};
