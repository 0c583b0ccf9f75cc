import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { changePasswordSchema, deleteAccountSchema, loginSchema, registerSchema } from './forms';

const anyField = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 300 }),
	fc.integer(),
	fc.constant(null),
	fc.constant(undefined)
);
const anyForm = fc.dictionary(
	fc.constantFrom(
		'username',
		'password',
		'email',
		'currentPassword',
		'newPassword',
		'confirmPassword',
		'confirm'
	),
	anyField
);

describe('account form schemas', () => {
	it('never throw, whatever arrives, and say what is wrong', () => {
		fc.assert(
			fc.property(anyForm, (form) => {
				for (const schema of [
					loginSchema,
					registerSchema,
					changePasswordSchema,
					deleteAccountSchema
				]) {
					const result = v.safeParse(schema, form);
					if (!result.success) expect(result.issues[0]!.message.length).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('accept a long unicode passphrase and refuse a common password', () => {
		expect(
			v.safeParse(registerSchema, { username: 'ada', password: 'pässwört 🔑 lang genug' }).success
		).toBe(true);
		expect(v.safeParse(registerSchema, { username: 'ada', password: 'password1' }).success).toBe(
			false
		);
		expect(
			v.safeParse(registerSchema, { username: 'ada', password: 'x'.repeat(129) }).success
		).toBe(false);
	});
});
