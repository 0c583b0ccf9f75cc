import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { attemptLogin } from '$lib/server/auth/user';
import { loginSchema } from '$lib/server/auth/forms';
import { safeNext, startSession } from '$lib/server/auth/login';
import { clientOf, tooManyTries } from '$lib/server/auth/attempt';
import { FIX_FIELDS, formFailure, formFields, validate } from '$lib/server/validation';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url.origin));
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const username = (fields.username ?? '').slice(0, 64);
		const parsed = validate(loginSchema, fields);
		if (!parsed.ok) return formFailure(400, { username }, FIX_FIELDS, parsed.errors);

		const db = await getDb();
		const result = await attemptLogin(db, { ...parsed.data, client: clientOf(event) });
		if (!result.ok && result.reason === 'throttled') {
			return formFailure(429, { username }, tooManyTries(result.retryAfterMs));
		}
		if (!result.ok) {
			return formFailure(400, { username }, 'Wrong username or password.');
		}
		await startSession(event, db, result.userId);
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url.origin));
	}
};
