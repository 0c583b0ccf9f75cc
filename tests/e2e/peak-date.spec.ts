// Interview-date mode is a plan setting, off until the learner turns it on; its form works
// without JavaScript and refuses the mode without a target date.
import { expect, test } from '@playwright/test';
import { register } from './helpers';

test.describe('interview-date mode, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test.describe.configure({ timeout: 90_000 });

	test('is explained, needs a date, and is saved by a plain form', async ({ page }, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'a form, not a layout: one project is enough');
		await register(page);
		const saved = await page.request.post('/api/targets', {
			data: { name: 'MLOps Engineer', roleId: 'mlops-engineer', active: true }
		});
		expect(saved.status()).toBe(201);
		await page.goto('/plan');
		const group = page.getByRole('group', { name: 'Interview-date mode' });
		await expect(group).toContainText('normal spacing resumes after the date');
		const box = group.getByRole('checkbox', { name: 'Peak on the target date' });
		await expect(box).not.toBeChecked();
		await expect(group.getByLabel('Recall on the date')).toHaveValue('0.9');

		await box.check();
		await page.getByRole('button', { name: 'Save and re-plan' }).click();
		await expect(page.getByText('Set a target date to peak on it.')).toBeVisible();

		const year = new Date().getUTCFullYear() + 1;
		await page.getByLabel('Target date (optional)').fill(`${year}-03-02`);
		await page.getByRole('group', { name: 'Interview-date mode' }).getByRole('checkbox').check();
		await page.getByLabel('Recall on the date').selectOption('0.95');
		await page.getByRole('button', { name: 'Save and re-plan' }).click();
		await expect(page.getByText('Saved. The plan now follows your new budget.')).toBeVisible();
		const settings = await (await page.request.get('/api/plan/settings')).json();
		expect(settings).toMatchObject({
			targetDate: `${year}-03-02`,
			peakOnDate: true,
			peakLevel: 0.95
		});
		await page.goto('/plan');
		await expect(page.getByRole('checkbox', { name: 'Peak on the target date' })).toBeChecked();
		await expect(page.getByLabel('Recall on the date')).toHaveValue('0.95');
	});
});
