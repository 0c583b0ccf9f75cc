import { expect, test } from '@playwright/test';
import { createClient } from '@libsql/client';
import { createHash } from 'node:crypto';
import { PASSWORD } from '../helpers';
import {
	ORIGIN,
	isSignedIn,
	postForm,
	registerLearner,
	sessionToken,
	setCookieHeader
} from './http';

test('the session cookie is HttpOnly, SameSite=Lax, Path=/ and expires', async ({ request }) => {
	const res = await postForm(request, '/login', { username: 'nobody', password: 'x' });
	expect(res.status()).toBe(400);
	const { username } = await registerLearner(request);
	const login = await postForm(request, '/login', { username, password: PASSWORD });
	const cookie = setCookieHeader(login);
	expect(cookie).toMatch(/HttpOnly/i);
	expect(cookie).toMatch(/SameSite=Lax/i);
	expect(cookie).toMatch(/Path=\//);
	expect(cookie).toMatch(/Expires=/);
	// Plain-http localhost is the one place without Secure (see the unit test for https).
	expect(ORIGIN.startsWith('http://localhost')).toBe(true);
});

test('every login issues a new token and ends the one the browser carried (no fixation)', async ({
	request
}) => {
	const { username, token: first } = await registerLearner(request);
	// An attacker-chosen token is never adopted.
	const planted = 'a'.repeat(32);
	const withPlanted = await postForm(request, '/login', { username, password: PASSWORD }, planted);
	expect(withPlanted.status()).toBe(303);
	const second = sessionToken(withPlanted)!;
	expect(second).not.toBe(planted);
	expect(second).not.toBe(first);
	expect(await isSignedIn(request, planted)).toBe(false);

	// Logging in again from the same browser replaces its session.
	const third = sessionToken(
		await postForm(request, '/login', { username, password: PASSWORD }, second)
	)!;
	expect(third).not.toBe(second);
	expect(await isSignedIn(request, second)).toBe(false);
	expect(await isSignedIn(request, third)).toBe(true);
	// Another device's session is untouched.
	expect(await isSignedIn(request, first)).toBe(true);
});

test('logout ends the session on the server, not just in the browser', async ({ request }) => {
	const { token } = await registerLearner(request);
	expect(await isSignedIn(request, token)).toBe(true);
	const out = await postForm(request, '/logout', {}, token);
	expect(out.status()).toBe(303);
	expect(await isSignedIn(request, token)).toBe(false);
});

test('an expired session is rejected and removed', async ({ request }) => {
	const { token } = await registerLearner(request);
	const db = createClient({ url: 'file:data/e2e/app.db', timeout: 5000 });
	const id = createHash('sha256').update(token).digest('hex');
	await db.execute({
		sql: 'update session set expires_at = ? where id = ?',
		args: [Date.now() - 1000, id]
	});
	expect(await isSignedIn(request, token)).toBe(false);
	const rows = await db.execute({
		sql: 'select count(*) as n from session where id = ?',
		args: [id]
	});
	expect(rows.rows[0]!.n).toBe(0);
	db.close();
});

test('a cross-site form post is refused before it can change anything', async ({ request }) => {
	const { token } = await registerLearner(request);
	const res = await request.post('/profile?/delete', {
		form: { password: PASSWORD, confirm: 'DELETE' },
		maxRedirects: 0,
		headers: {
			origin: 'https://evil.example',
			accept: 'text/html',
			cookie: `gapwise-session=${token}`
		}
	});
	expect(res.status()).toBe(403);
	expect(await isSignedIn(request, token)).toBe(true);
});
