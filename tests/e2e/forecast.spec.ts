import { expect, test } from '@playwright/test';
import { drawnFraction, hasHorizontalScroll, register } from './helpers';

test.describe.configure({ timeout: 90_000 });
test.skip(({ isMobile }) => !isMobile, 'A phone is where the chart is tightest.');

test.beforeAll(async ({ request }) => {
	expect((await request.get('/skills')).ok()).toBe(true);
});

test('the readiness forecast is drawn on /gap at phone size, with its table', async ({ page }) => {
	await register(page);
	const created = await page.request.post('/api/targets', {
		data: { name: 'MLOps Engineer', roleId: 'mlops-engineer', active: true }
	});
	expect(created.status()).toBe(201);
	await page.goto('/gap');
	const card = page.locator('section.forecast');
	await expect(card.getByRole('heading', { name: 'Forecast' })).toBeVisible();
	const chart = card.getByRole('img', { name: /^Readiness forecast/ });
	await expect(chart).toBeVisible();
	// Drawn, not only in the markup: the line spans the horizon and the band has height.
	expect(
		await drawnFraction(page, 'section.forecast path.line', 'section.forecast svg')
	).toBeGreaterThan(0.95);
	const band = await card.locator('path.band').boundingBox();
	expect(band?.height ?? 0).toBeGreaterThan(10);
	await expect(card.locator('.lever')).toHaveText(/more minutes a day|nice-to-have|date/);
	expect(await hasHorizontalScroll(page)).toBe(false);

	// The text alternative: every point as a row, the same figures as the API.
	const api = (await (await page.request.get('/api/forecast')).json()) as {
		points: { readiness: number }[];
	};
	await card.getByText('The forecast as a table').click();
	const rows = card.locator('tbody tr');
	await expect(rows).toHaveCount(api.points.length);
	await expect(rows.last().locator('td').first()).toHaveText(
		`${Math.round(api.points.at(-1)!.readiness * 100)} %`
	);
});
