import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db';
import { changePassword, deleteUser } from '$lib/server/auth/user';
import { changePasswordSchema, deleteAccountSchema } from '$lib/server/auth/forms';
import { deleteSessionTokenCookie } from '$lib/server/auth/session';
import {
	FIX_FIELDS,
	formFailure,
	formFields,
	validate,
	type FieldErrors
} from '$lib/server/validation';
import { requireUser } from '$lib/server/auth/guard';
import { clientOf, tooManyTries } from '$lib/server/auth/attempt';

export const actions: Actions = {
	password: async (event) => {
		const { user, session } = requireUser(event);
		const parsed = validate(changePasswordSchema, formFields(await event.request.formData()));
		if (!parsed.ok) return formFailure(400, { form: 'password' }, FIX_FIELDS, parsed.errors);
		const result = await changePassword(await getDb(), {
			userId: user.id,
			currentPassword: parsed.data.currentPassword,
			newPassword: parsed.data.newPassword,
			keepSessionId: session.id,
			client: clientOf(event)
		});
		if (!result.ok && result.reason === 'throttled') {
			return formFailure(429, { form: 'password' }, tooManyTries(result.retryAfterMs));
		}
		if (!result.ok) {
			return formFailure(400, { form: 'password' }, 'Your current password is not right.', {
				currentPassword: 'Your current password is not right.'
			});
		}
		return {
			form: 'password',
			message: '',
			errors: {} as FieldErrors,
			done: 'Password changed. Every other session has been signed out.'
		};
	},
	delete: async (event) => {
		const { user } = requireUser(event);
		const parsed = validate(deleteAccountSchema, formFields(await event.request.formData()));
		if (!parsed.ok) return formFailure(400, { form: 'delete' }, FIX_FIELDS, parsed.errors);
		const result = await deleteUser(await getDb(), {
			userId: user.id,
			password: parsed.data.password,
			client: clientOf(event)
		});
		if (!result.ok && result.reason === 'throttled') {
			return formFailure(429, { form: 'delete' }, tooManyTries(result.retryAfterMs));
		}
		if (!result.ok) {
			return formFailure(400, { form: 'delete' }, 'Your password is not right.', {
				password: 'Your password is not right.'
			});
		}
		deleteSessionTokenCookie(event);
		redirect(303, '/?deleted=1');
	}
};
