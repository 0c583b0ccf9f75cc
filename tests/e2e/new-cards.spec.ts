// Issue 14: with no new cards today, Today and the review screen say why and what to do,
// instead of leaving the learner to guess (or to write cards to have something to study).
import { expect, test } from '@playwright/test';
import { signUp } from './review-helpers';

test.skip(({ isMobile }) => !isMobile, 'A phone check: the desktop layout adds nothing here.');

test('a day without new cards says why on Today and on Review, with the one thing to do', async ({
	page
}) => {
	await signUp(page);
	const target = await page.request.post('/api/targets', {
		data: { name: 'Shell', skills: [{ id: 'linux-shell', targetLevel: 1, importance: 'must' }] }
	});
	expect(target.status()).toBe(201);
	const settings = await page.request.put('/api/settings', { data: { newCardsPerDay: 0 } });
	expect(settings.ok()).toBe(true);

	await page.goto('/today');
	const today = page.getByTestId('no-new-cards');
	await expect(today).toContainText('your limit for new cards is 0 a day');
	const change = today.getByRole('link', { name: 'Change the limit' });
	await expect(change).toHaveAttribute('href', '/settings#field-newCardsPerDay');
	const box = (await change.boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(44);

	await page.goto('/review');
	await expect(page.locator('.review[data-ready]')).toBeAttached();
	await expect(page.getByTestId('no-new-cards')).toContainText(
		'your limit for new cards is 0 a day'
	);
	await page.getByTestId('no-new-cards').getByRole('link', { name: 'Change the limit' }).tap();
	await expect(page).toHaveURL(/\/settings#field-newCardsPerDay$/);
});
