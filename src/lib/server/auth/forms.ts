import * as v from 'valibot';
import { PASSWORD_MIN, PASSWORD_MAX, isCommonPassword } from './password';

const username = v.pipe(
	v.string('Enter a username.'),
	v.trim(),
	v.minLength(3, 'Use at least 3 characters.'),
	v.maxLength(32, 'Use at most 32 characters.'),
	v.regex(/^[\w.-]+$/, 'Use letters, digits, dots, dashes or underscores.')
);

const newPassword = v.pipe(
	v.string('Enter a password.'),
	v.minLength(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`),
	v.maxLength(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
	v.check(
		(p) => !isCommonPassword(p),
		'This password is among the most common ones; choose another.'
	)
);

const anyPassword = v.pipe(
	v.string('Enter your password.'),
	v.minLength(1, 'Enter your password.'),
	v.maxLength(PASSWORD_MAX * 4)
);

export const registerSchema = v.object({
	username,
	email: v.optional(
		v.union([
			v.literal(''),
			v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(254, 'That e-mail is too long.'),
				v.email('Enter a valid e-mail address, or leave it empty.')
			)
		]),
		''
	),
	password: newPassword
});

export const loginSchema = v.object({
	username: v.pipe(
		v.string('Enter your username.'),
		v.trim(),
		v.minLength(1, 'Enter your username.'),
		v.maxLength(64)
	),
	password: anyPassword
});

export const changePasswordSchema = v.pipe(
	v.object({ currentPassword: anyPassword, newPassword, confirmPassword: v.string() }),
	v.forward(
		v.partialCheck(
			[['newPassword'], ['confirmPassword']],
			(i) => i.newPassword === i.confirmPassword,
			'The two new passwords differ.'
		),
		['confirmPassword']
	)
);

export const deleteAccountSchema = v.object({
	password: anyPassword,
	confirm: v.literal('DELETE', 'Type DELETE to confirm.')
});
