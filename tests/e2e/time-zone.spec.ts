// Issue 14: "The time zone was set to UTC for a learner whose phone is in Europe/Berlin." The
// zone comes from the device at registration; another device in another zone is offered its own.
import { expect, test } from '@playwright/test';
import { login, register } from './helpers';

test.skip(({ isMobile }) => !isMobile, 'A phone journey: the desktop layout adds nothing here.');
test.use({ timezoneId: 'Europe/Berlin' });

const zoneOf = async (request: import('@playwright/test').APIRequestContext) => {
	const response = await request.get('/api/settings');
	expect(response.ok()).toBe(true);
	return ((await response.json()) as { timezone: string }).timezone;
};

test('registration takes the phone’s zone; a phone elsewhere is offered its own in one tap', async ({
	page,
	browser
}, testInfo) => {
	const { username, password } = await register(page);
	expect(await zoneOf(page.request)).toBe('Europe/Berlin');
	await page.goto('/today');
	await expect(page.getByTestId('time-zone-checked')).toBeAttached();
	await expect(page.getByTestId('time-zone-offer')).toHaveCount(0);

	const { baseURL, viewport, userAgent, deviceScaleFactor } = testInfo.project.use;
	const travelling = await browser.newContext({
		baseURL,
		viewport,
		userAgent,
		deviceScaleFactor,
		isMobile: true,
		hasTouch: true,
		timezoneId: 'America/New_York'
	});
	const phone = await travelling.newPage();
	await login(phone, username, password);
	await expect(phone).toHaveURL(/\/today$/);
	const offer = phone.getByTestId('time-zone-offer');
	await expect(offer).toContainText('This device is set to America/New_York');
	await expect(offer).toContainText('your days follow Europe/Berlin');
	const posted = phone.waitForResponse(
		(r) => r.url().endsWith('/settings/time-zone') && r.request().method() === 'POST'
	);
	await offer.getByRole('button', { name: 'Use America/New_York' }).tap();
	expect((await posted).status()).toBe(303);
	await phone.waitForLoadState('load');
	await expect(phone).toHaveURL(/\/today$/);
	await expect(phone.getByTestId('time-zone-checked')).toBeAttached();
	await expect(phone.getByTestId('time-zone-offer')).toHaveCount(0);
	expect(await zoneOf(phone.request)).toBe('America/New_York');

	// Back on the first phone, "Keep" hides the offer there for good.
	await page.goto('/today');
	const back = page.getByTestId('time-zone-offer');
	await expect(back).toContainText('This device is set to Europe/Berlin');
	await back.getByRole('button', { name: 'Keep America/New_York' }).tap();
	await expect(back).toHaveCount(0);
	await page.reload();
	await expect(page.getByTestId('time-zone-checked')).toBeAttached();
	await expect(page.getByTestId('time-zone-offer')).toHaveCount(0);
	expect(await zoneOf(page.request)).toBe('America/New_York');
	await travelling.close();
});
