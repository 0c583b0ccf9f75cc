import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, login, logout, register, uniqueName } from './helpers';

test('register → logout → login → change password → delete account', async ({ page }) => {
	// Seven argon2id hashes and verifications: slow on a busy 2-core CI machine.
	test.setTimeout(90_000);
	const { username } = await register(page);
	await expect(page.getByRole('navigation', { name: 'Main' }).first()).toBeVisible();

	await logout(page);
	await page.goto('/today');
	await expect(page).toHaveURL(/\/login\?next=%2Ftoday$/);

	await login(page, username, PASSWORD);
	await expect(page).toHaveURL(/\/today$/);

	await page.goto('/profile');
	await page.getByLabel('Current password').fill(PASSWORD);
	await page.getByLabel('New password', { exact: true }).fill('a different long passphrase');
	await page.getByLabel('Repeat the new password').fill('a different long passphrase');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('status')).toContainText('Password changed');

	await logout(page);
	await login(page, username, PASSWORD);
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
	await login(page, username, 'a different long passphrase');
	await expect(page).toHaveURL(/\/today$/);

	await page.goto('/profile');
	const deleteForm = page.locator('form[action="?/delete"]');
	await deleteForm.getByLabel('Password').fill('a different long passphrase');
	await deleteForm.getByLabel('Type DELETE to confirm').fill('DELETE');
	await page.getByRole('button', { name: 'Delete my account' }).click();
	await expect(page.getByRole('status')).toContainText('deleted');

	await login(page, username, 'a different long passphrase');
	await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
});

test('register keeps the input and explains each bad field', async ({ page }) => {
	await page.goto('/register');
	const username = uniqueName();
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('E-mail (optional)').fill('not-an-email');
	await page.getByLabel('Password').fill('password');
	// Skip the browser's own checks to see the server's messages.
	await page.locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('Enter a valid e-mail address, or leave it empty.')).toBeVisible();
	await expect(page.getByLabel('Username')).toHaveValue(username);

	await page.getByLabel('E-mail (optional)').fill('');
	await page.getByLabel('Password').fill('password');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('This password is among the most common ones')).toBeVisible();
});

test('a taken username is refused', async ({ page, browser }) => {
	const { username } = await register(page);
	const other = await browser.newPage();
	await other.goto('/register');
	await other.getByLabel('Username').fill(username.toUpperCase());
	await other.getByLabel('Password').fill(PASSWORD);
	await other.getByRole('button', { name: 'Create account' }).click();
	await expect(other.getByText('That username is taken; choose another.')).toBeVisible();
	await other.close();
});

/** Submits the login form already on `page` and returns the alert it answers with. */
async function submitLogin(page: Page, name: string, password: string) {
	await page.getByLabel('Username').fill(name);
	await page.getByLabel('Password').fill(password);
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
		page.getByRole('button', { name: 'Log in' }).click()
	]);
	// The button is enabled again only once the answer is on the page.
	await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
	return (await page.getByRole('alert').textContent()) ?? '';
}

test('wrong passwords get one message, then a growing wait', async ({ page }) => {
	const { username } = await register(page);
	await logout(page);
	// One page load, many submissions: the form stays on the page after each failure, as it
	// does for a learner retyping a password.
	await page.goto('/login', { waitUntil: 'networkidle' });
	const attempt = (name: string, password: string) => submitLogin(page, name, password);

	for (let i = 0; i < 5; i += 1) {
		expect(await attempt(username, 'wrong password ' + i)).toBe('Wrong username or password.');
	}
	// The first delays are short (1 s, 2 s, 4 s …), so a busy machine may let a few more guesses
	// through; the doubling wait soon outlasts any attempt.
	let throttled = false;
	for (let i = 0; i < 6 && !throttled; i += 1) {
		const text = await attempt(username, 'still wrong ' + i);
		throttled = text.startsWith('Too many failed attempts. Wait');
		if (!throttled) expect(text).toBe('Wrong username or password.');
	}
	expect(throttled).toBe(true);

	// An unknown username answers exactly like a wrong password.
	expect(await attempt(uniqueName('ghost'), 'wrong password')).toBe('Wrong username or password.');
});

test('a hostile ?next= keeps the learner on the app, signed in or signing in', async ({
	page,
	baseURL
}) => {
	const home = new URL(baseURL!).origin;
	// Every request of the page, redirect hops included: none may leave the app.
	const offsite: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).origin !== home) offsite.push(request.url());
	});
	const hostile = [
		'/%09/evil.example/phish',
		'/%0A/evil.example',
		'/%0D/evil.example',
		'/%E3%80%80',
		'/.//evil.example',
		'/%5C/evil.example'
	];
	const { username } = await register(page);
	for (const next of hostile) {
		// A followed redirect to evil.example fails to resolve here; the URL check then says where.
		const response = await page.goto(`/login?next=${next}`).catch(() => null);
		expect(offsite, next).toEqual([]);
		expect(new URL(page.url()).origin, next).toBe(home);
		// A same-origin path that is no page of ours is a 404, never a 500.
		expect(response?.status(), next).toBeLessThan(500);
	}

	await logout(page);
	await page.goto(`/login?next=/%09/evil.example/phish`, { waitUntil: 'networkidle' });
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Log in' }).click();
	await expect(page).toHaveURL(`${home}/today`);
	expect(offsite).toEqual([]);
});

test('guesses from another browser do not keep the owner out of their own', async ({
	page,
	browser
}) => {
	// Nine argon2id verifications and 7 s of waiting on a busy 2-core machine.
	test.setTimeout(120_000);
	const { username } = await register(page);
	await logout(page);
	// Another browser (the same address here) guesses through the growing waits until the
	// next one is 8 s: longer than the owner's login below takes.
	const guesser = await browser.newPage();
	await guesser.goto('/login', { waitUntil: 'networkidle' });
	let wait = 0;
	for (let i = 0; i < 20 && wait < 8; i += 1) {
		const answer = await submitLogin(guesser, username, `guess ${i}`);
		wait = Number(/^Too many failed attempts\. Wait (\d+) s/.exec(answer)?.[1] ?? 0);
		if (wait > 0 && wait < 8) await guesser.waitForTimeout(wait * 1000 + 100);
	}
	expect(wait).toBeGreaterThanOrEqual(8);
	await guesser.close();

	await login(page, username, PASSWORD);
	await expect(page).toHaveURL(/\/today$/);
});

test('the current password is throttled when changing it', async ({ page }) => {
	await register(page);
	await page.goto('/profile', { waitUntil: 'networkidle' });
	const form = page.locator('form[action="?/password"]');
	let answer = '';
	for (let i = 0; i < 8 && !answer.startsWith('Too many failed attempts'); i += 1) {
		await form.getByLabel('Current password').fill(`not it ${i}`);
		await form.getByLabel('New password', { exact: true }).fill('a different long passphrase');
		await form.getByLabel('Repeat the new password').fill('a different long passphrase');
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			form.getByRole('button', { name: 'Change password' }).click()
		]);
		await expect(form.getByRole('alert')).toBeVisible();
		answer = (await form.getByRole('alert').textContent())?.trim() ?? '';
		if (!answer.startsWith('Too many')) expect(answer).toBe('Your current password is not right.');
	}
	expect(answer).toMatch(/^Too many failed attempts\. Wait \d+ s and try again\.$/);
});
