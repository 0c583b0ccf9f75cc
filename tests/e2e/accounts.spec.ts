import { expect, test } from '@playwright/test';
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

test('wrong passwords get one message, then a growing wait', async ({ page }) => {
	const { username } = await register(page);
	await logout(page);
	// One page load, many submissions: the form stays on the page after each failure, as it
	// does for a learner retyping a password.
	await page.goto('/login', { waitUntil: 'networkidle' });
	const alert = page.getByRole('alert');
	const attempt = async (name: string, password: string) => {
		await page.getByLabel('Username').fill(name);
		await page.getByLabel('Password').fill(password);
		await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/login')),
			page.getByRole('button', { name: 'Log in' }).click()
		]);
		// The button is enabled again only once the answer is on the page.
		await expect(page.getByRole('button', { name: 'Log in' })).toBeEnabled();
		return (await alert.textContent()) ?? '';
	};

	for (let i = 0; i < 5; i += 1) {
		expect(await attempt(username, 'wrong password ' + i)).toBe('Wrong username or password.');
	}
	// The first delay is short (1 s), so a slow machine may let one more guess through.
	let throttled = false;
	for (let i = 0; i < 3 && !throttled; i += 1) {
		const text = await attempt(username, 'still wrong ' + i);
		throttled = text.startsWith('Too many failed attempts. Wait');
		if (!throttled) expect(text).toBe('Wrong username or password.');
	}
	expect(throttled).toBe(true);

	// An unknown username answers exactly like a wrong password.
	expect(await attempt(uniqueName('ghost'), 'wrong password')).toBe('Wrong username or password.');
});
