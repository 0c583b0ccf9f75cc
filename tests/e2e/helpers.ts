import { expect, type Page } from '@playwright/test';

let n = 0;
/** A username unique across projects, workers and runs. */
export function uniqueName(prefix = 'e2e') {
	n += 1;
	return `${prefix}${n}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export const PASSWORD = 'correct horse battery staple';

export async function register(page: Page, username = uniqueName(), password = PASSWORD) {
	await page.goto('/register', { waitUntil: 'networkidle' });
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/today$/);
	return { username, password };
}

export async function login(page: Page, username: string, password: string) {
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logout(page: Page) {
	await page.goto('/profile');
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page).toHaveURL(/\/login$/);
}

/** True when the page is wider than the viewport (a horizontal scrollbar on a phone). */
export async function hasHorizontalScroll(page: Page) {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/** How much of its track a bar is drawn over (0–1): measured from layout, not from markup. */
export async function drawnFraction(page: Page, barSelector: string, trackSelector: string) {
	const bar = await page.locator(barSelector).first().boundingBox();
	const track = await page.locator(trackSelector).first().boundingBox();
	if (!bar || !track || track.width === 0) throw new Error(`${barSelector} is not drawn`);
	return bar.width / track.width;
}
