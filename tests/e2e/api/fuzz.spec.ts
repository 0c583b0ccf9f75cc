// Every JSON endpoint and form action, fed wrong types, huge strings, unicode, negative and
// enormous numbers and missing fields: never a 500, always a clear 4xx message, and when
// nothing was accepted, nothing was written.
import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ORIGIN, jsonRequest, postForm, registerLearner } from './http';

const weird = fc.oneof(
	fc.string({ maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.constant('x'.repeat(30_000)),
	fc.integer(),
	fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 3.5),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 })
);
const fields = [
	'id',
	'name',
	'text',
	'skillId',
	'level',
	'front',
	'back',
	'tags',
	'reviews',
	'ratings',
	'skills',
	'rating',
	'cardId',
	'reviewedAt',
	'minutesPerDay',
	'studyDays',
	'targetDate',
	'breaks',
	'desiredRetention',
	'roleId',
	'active',
	'importance',
	'targetLevel'
];
const body = fc.oneof(
	fc.dictionary(fc.constantFrom(...fields), weird, { maxKeys: 6 }),
	fc.record({
		reviews: fc.array(fc.dictionary(fc.constantFrom(...fields), weird, { maxKeys: 6 }), {
			maxLength: 3
		})
	}),
	fc.record({
		ratings: fc.array(fc.dictionary(fc.constantFrom('skillId', 'level'), weird), { maxLength: 3 })
	}),
	weird
);

const JSON_ENDPOINTS: ['POST' | 'PUT' | 'PATCH' | 'DELETE', string][] = [
	['POST', '/api/jd/analyze'],
	['POST', '/api/assessments'],
	['POST', '/api/targets'],
	['PATCH', '/api/targets/00000000-0000-0000-0000-000000000000'],
	['POST', '/api/cards'],
	['PATCH', '/api/cards/pc_00000000-0000-0000-0000-000000000000'],
	['POST', '/api/reviews'],
	['POST', '/api/reviews/00000000-0000-0000-0000-000000000000/undo'],
	['POST', '/api/cards/docker-001/bury'],
	['PUT', '/api/plan/settings'],
	['PUT', '/api/settings'],
	['POST', '/api/import']
];

// /login is fuzzed at the schema level (src/lib/server/auth/forms.spec.ts): random guesses from
// one address here would spend the per-IP login allowance the other browser tests rely on.
const FORM_ACTIONS = [
	'/register',
	'/analyze',
	'/profile?/password',
	'/profile?/delete',
	'/cards/new?/create',
	'/cards/import?/preview',
	'/cards/import?/confirm',
	'/targets?/rename',
	'/plan?/settings',
	'/plan?/addBreak',
	'/plan?/done',
	'/settings?/save',
	'/start?/role',
	'/start?/analyze',
	'/start/rate',
	'/assess/docker',
	'/gap?/adjust'
];

async function snapshot(request: APIRequestContext, token: string) {
	const res = await jsonRequest(request, 'GET', '/api/export', token);
	return JSON.stringify(((await res.json()) as { tables: unknown }).tables);
}

test('JSON endpoints answer bad input with a clear 4xx and write nothing', async ({ request }) => {
	test.setTimeout(240_000);
	const { token } = await registerLearner(request);
	for (const [method, path] of JSON_ENDPOINTS) {
		const before = await snapshot(request, token);
		let accepted = 0;
		await fc.assert(
			fc.asyncProperty(body, async (b) => {
				const res = await jsonRequest(request, method, path, token, b);
				expect(res.status(), `${method} ${path} ${JSON.stringify(b).slice(0, 200)}`).toBeLessThan(
					500
				);
				if (res.status() < 300) accepted += 1;
				else if (res.status() !== 429) {
					const json = (await res.json()) as { message?: unknown };
					expect(typeof json.message, `${method} ${path}: a message`).toBe('string');
				}
			}),
			{ numRuns: 25, seed: 42 }
		);
		if (accepted === 0)
			expect(await snapshot(request, token), `${method} ${path} wrote on failure`).toBe(before);
	}
});

test('JSON endpoints refuse bodies that are not application/json', async ({ request }) => {
	const { token } = await registerLearner(request);
	const before = await snapshot(request, token);
	for (const [method, path] of JSON_ENDPOINTS) {
		const res = await request.fetch(path, {
			method,
			headers: { origin: ORIGIN, 'content-type': 'text/plain', cookie: `gapwise-session=${token}` },
			data: JSON.stringify({
				reviews: [],
				name: 'x',
				skillId: 'docker',
				level: 1,
				front: 'f',
				back: 'b'
			})
		});
		// The public analyser may already be out of its per-address allowance from the fuzz run;
		// a 429 refuses the body just as surely.
		const refused = path === '/api/jd/analyze' ? [415, 429] : [415];
		expect(refused, `${method} ${path}: ${res.status()}`).toContain(res.status());
	}
	expect(await snapshot(request, token)).toBe(before);
});

test('form actions answer bad input without a 500', async ({ request }) => {
	test.setTimeout(240_000);
	const { token } = await registerLearner(request);
	const formBody = fc.dictionary(
		fc.constantFrom(
			...fields,
			'username',
			'password',
			'currentPassword',
			'newPassword',
			'confirm',
			'email',
			'key',
			'csv'
		),
		fc.oneof(
			fc.string({ maxLength: 30 }),
			fc.constant('9'.repeat(400)),
			fc.constant('-1'),
			fc.constant('\u0000\u202e')
		),
		{ maxKeys: 6 }
	);
	for (const path of FORM_ACTIONS) {
		await fc.assert(
			fc.asyncProperty(formBody, async (form) => {
				// Registration and login with random input must not eat the throttle of real users.
				const res = await postForm(
					request,
					path,
					form,
					path === '/login' || path === '/register' ? undefined : token
				);
				expect(res.status(), `${path} ${JSON.stringify(form).slice(0, 200)}`).toBeLessThan(500);
			}),
			{ numRuns: 12, seed: 7 }
		);
	}
});
