// Credit through prerequisites is a review setting, off until the learner turns it on, and its
// form works without JavaScript.
import { expect, test } from '@playwright/test';
import { register } from './helpers';

test.describe('credit through prerequisites, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('is off by default, explained with the simulator’s figure, and saved by a plain form', async ({
		page
	}, testInfo) => {
		test.skip(testInfo.project.name !== 'phone', 'a form, not a layout: one project is enough');
		await register(page);
		await page.goto('/settings');
		const group = page.getByRole('group', { name: 'Credit through prerequisites' });
		await expect(group).toContainText('2–3 % of review minutes');
		await expect(group.getByRole('radio', { name: 'Off' })).toBeChecked();
		expect((await (await page.request.get('/api/settings')).json()).creditPrerequisites).toBe(
			false
		);

		await group.getByText('On', { exact: true }).click();
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status')).toContainText('Saved.');
		expect((await (await page.request.get('/api/settings')).json()).creditPrerequisites).toBe(true);
		await page.goto('/settings');
		await expect(
			page
				.getByRole('group', { name: 'Credit through prerequisites' })
				.getByRole('radio', { name: 'On' })
		).toBeChecked();
	});
});
