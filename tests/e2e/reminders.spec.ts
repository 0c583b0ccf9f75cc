// The settings page's daily reminder at phone size: choosing the time and days, and what a
// browser without Push (or without JavaScript) is offered instead. Headless Chromium cannot
// reach a real push service, so nothing here subscribes; tests/integration/push.test.ts
// covers sending.
import { expect, test, type Page } from '@playwright/test';
import { register } from './helpers';

test.skip(({ isMobile }) => !isMobile, 'A phone check: the desktop layout adds nothing here.');

const section = (page: Page) => page.getByRole('region', { name: 'Daily reminder' });

test('the learner chooses the reminder time and days, and they are kept', async ({ page }) => {
	await register(page);
	await page.goto('/settings');
	const reminder = section(page);
	// Every day by default, at the plan's review time (the .ics alarm's).
	await expect(reminder.getByLabel('Remind me at')).toHaveValue('08:00');
	await expect(reminder.getByRole('checkbox', { checked: true })).toHaveCount(7);
	// This browser could subscribe: it is offered, not done.
	await expect(reminder.getByRole('button', { name: 'Turn on for this device' })).toBeVisible();
	await expect(reminder.getByText('Reminders are off for this device.')).toBeVisible();

	await reminder.getByLabel('Remind me at').fill('07:45');
	await reminder.getByRole('checkbox', { name: 'Sat' }).uncheck();
	await reminder.getByRole('checkbox', { name: 'Sun' }).uncheck();
	await reminder.getByRole('button', { name: 'Save reminder time' }).click();
	await expect(reminder.getByRole('status')).toContainText('Saved');

	await page.reload();
	await expect(section(page).getByLabel('Remind me at')).toHaveValue('07:45');
	await expect(section(page).getByRole('checkbox', { name: 'Sat' })).not.toBeChecked();
	await expect(section(page).getByRole('checkbox', { name: 'Fri' })).toBeChecked();

	for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
		await section(page).getByRole('checkbox', { name: day }).uncheck();
	await section(page).getByRole('button', { name: 'Save reminder time' }).click();
	await expect(section(page).getByText('Choose at least one day.')).toBeVisible();

	// Thumb-sized controls: the time field, each day and both buttons.
	const controls = [
		section(page).getByLabel('Remind me at'),
		section(page).locator('label.day').first(),
		section(page).getByRole('button', { name: 'Save reminder time' }),
		section(page).getByRole('button', { name: 'Turn on for this device' })
	];
	for (const control of controls) {
		const box = await control.boundingBox();
		expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
	}
});

test('without Push, the calendar alarm is offered instead', async ({ page, browser }) => {
	await page.addInitScript(() => {
		// A browser without the Push API (Safari on iOS outside an installed app, for one).
		delete (window as { PushManager?: unknown }).PushManager;
	});
	await register(page);
	await page.goto('/settings');
	await expect(
		section(page).getByText('This browser cannot receive push notifications.')
	).toBeVisible();
	await expect(section(page).getByRole('button', { name: /Turn on/ })).toHaveCount(0);
	// No target yet, so no plan and no calendar: the section says where it comes from.
	await expect(section(page).getByRole('link', { name: 'set a target' })).toHaveAttribute(
		'href',
		'/start'
	);

	const origin = new URL(page.url()).origin;
	const target = await page.request.post('/api/targets', {
		headers: { origin },
		data: { name: 'MLOps', roleId: 'mlops-engineer', active: true }
	});
	expect(target.status()).toBe(201);
	await page.reload();
	const calendar = section(page).getByRole('link', { name: 'Download calendar (.ics)' });
	await expect(calendar).toHaveAttribute('href', '/plan.ics');
	const ics = await page.request.get('/plan.ics');
	expect(await ics.text()).toContain('BEGIN:VALARM');

	// Without JavaScript the page says push needs it, and the form still saves.
	const context = await browser.newContext({
		javaScriptEnabled: false,
		storageState: await page.context().storageState(),
		viewport: { width: 390, height: 844 }
	});
	const plain = await context.newPage();
	await plain.goto(`${origin}/settings`);
	await expect(section(plain).getByText(/Push reminders need JavaScript/)).toBeVisible();
	await section(plain).getByLabel('Remind me at').fill('21:15');
	await section(plain).getByRole('button', { name: 'Save reminder time' }).click();
	await expect(section(plain).getByRole('status')).toContainText('Saved');
	await expect(section(plain).getByLabel('Remind me at')).toHaveValue('21:15');
	await context.close();
});
