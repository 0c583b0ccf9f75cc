import { expect, test } from '@playwright/test';
import { hasHorizontalScroll, register } from './helpers';

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async ({ request }) => {
	expect((await request.get('/skills')).ok()).toBe(true);
});

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

test('review settings: a bad value is shown at its field and nothing is saved; a good one is', async ({
	page
}) => {
	await register(page);
	await page.goto('/profile');
	await page.getByRole('link', { name: /Review settings/ }).click();
	await expect(page).toHaveURL(/\/settings$/);
	expect(await hasHorizontalScroll(page)).toBe(false);

	const retention = page.getByLabel('Desired retention');
	// The browser's own range check would stop the form; the server must catch it too.
	await retention.evaluate((el) => el.removeAttribute('max'));
	await retention.fill('0.99');
	await page.getByLabel('Learning steps', { exact: true }).fill('1m 1d');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Enter a retention between 0.70 and 0.97.')).toBeVisible();
	await expect(page.getByText(/Use up to 5 steps/)).toBeVisible();
	await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 1d');
	let saved = await (await page.request.get('/api/settings')).json();
	expect(saved).toMatchObject({ desiredRetention: 0.9, learningSteps: ['1m', '10m'] });

	await page.getByLabel('Desired retention').fill('0.85');
	await page.getByLabel('Learning steps', { exact: true }).fill('2m 15m');
	await page.getByLabel('Time zone').selectOption('Europe/Berlin');
	await page.getByLabel('Your day starts at').selectOption('5');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Saved');
	saved = await (await page.request.get('/api/settings')).json();
	expect(saved).toMatchObject({
		desiredRetention: 0.85,
		learningSteps: ['2m', '15m'],
		timezone: 'Europe/Berlin',
		dayStartHour: 5
	});
	await expect(page.getByText(/From 400 reviews on/)).toBeVisible();
});

test('the stats page shows the streak, retention, heatmap, forecast and mastery', async ({
	page
}) => {
	await register(page);
	const reviews = [
		{ cardId: 'docker-001', rating: 3, reviewedAt: ago(90) },
		{ cardId: 'docker-001', rating: 3, reviewedAt: ago(70) },
		{ cardId: 'python-001', rating: 4, reviewedAt: ago(50) }
	].map((r) => ({ ...r, id: crypto.randomUUID(), durationMs: 3000 }));
	const res = await page.request.post('/api/reviews', { data: { reviews } });
	expect(res.status()).toBe(200);

	await page.goto('/stats');
	await expect(page.getByRole('heading', { name: 'Your reviews' })).toBeVisible();
	await expect(page.getByText('3 reviews in all.')).toBeVisible();
	// Two learner days when the 04:00 rollover falls inside the last 90 minutes.
	await expect(page.getByRole('img', { name: /3 reviews on [12] of the last/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /due in the next 30 days/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Docker & containers' })).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);
});

test('suspended cards are listed in settings and can be resumed', async ({ page }) => {
	await register(page);
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Suspended cards (0)' })).toBeVisible();

	// A card with a code block: the list must still fit a phone.
	const suspended = await page.request.post('/api/cards/docker-003/suspend', { data: {} });
	expect(suspended.status()).toBe(200);
	await page.goto('/settings');
	const section = page.locator('section[aria-labelledby="suspended-heading"]');
	await expect(section.getByRole('heading', { name: 'Suspended cards (1)' })).toBeVisible();
	await expect(section.getByText('Docker & containers')).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);

	await section.getByRole('button', { name: 'Resume' }).click();
	await expect(section.getByRole('status')).toHaveText('The card is back in your reviews.');
	await expect(section.getByRole('heading', { name: 'Suspended cards (0)' })).toBeVisible();
	const exported = (await (await page.request.get('/api/export')).json()) as {
		tables: { card_state: { card_id: string; suspended: boolean | number }[] };
	};
	const row = exported.tables.card_state.find((r) => r.card_id === 'docker-003');
	expect(row).toBeDefined();
	expect(Boolean(row!.suspended)).toBe(false);
});
