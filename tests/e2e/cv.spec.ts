// Issue 14, "start from the learner's CV", on a phone: paste a CV, see proposed levels with the
// line behind each and the posting's terms the CV never uses, confirm them all in one tap, and
// the gap shows those levels.
import { expect, test } from '@playwright/test';
import { hasHorizontalScroll, register } from './helpers';

test.describe.configure({ timeout: 90_000 });
test.skip(({ isMobile }) => !isMobile, 'Phone-first: the phone is the case that matters.');

const POSTING = `Machine Learning Engineer
Requirements
- Strong Python and PyTorch.
- Docker and Kubernetes in production.
- Experience with LangSmith for tracing.`;

const CV = `Experience
- Built and deployed PyTorch models in production.
- Led the move of our services to Kubernetes.
- Used Docker for local development.
Skills
Python, SQL`;

test('paste a CV → proposals with evidence → confirm all in one tap → the gap', async ({
	page
}) => {
	await register(page);
	const created = await page.request.post('/api/targets', {
		data: {
			name: 'ML engineer at Acme',
			jdText: POSTING,
			skills: [
				{ id: 'python', targetLevel: 3, importance: 'must' },
				{ id: 'pytorch', targetLevel: 3, importance: 'must' },
				{ id: 'docker', targetLevel: 3, importance: 'must' },
				{ id: 'kubernetes', targetLevel: 2, importance: 'nice' }
			],
			active: true
		}
	});
	expect(created.status()).toBe(201);

	// Hydrated before the tap, so the CV page is rendered in the browser, not reset by hydration.
	await page.goto('/start', { waitUntil: 'networkidle' });
	await page.getByRole('link', { name: 'Have a CV? Rate yourself from it' }).click();
	await expect(page).toHaveURL(/\/start\/cv$/);
	await page.getByLabel('CV text').fill(CV);
	await page.getByRole('button', { name: 'Propose my levels' }).click();

	await expect(page.getByRole('heading', { name: 'What your CV shows' })).toBeVisible();
	const pytorch = page.getByRole('group', { name: 'PyTorch' });
	await expect(pytorch.getByText('Built and deployed PyTorch models in production.')).toBeVisible();
	await expect(pytorch.getByText('Level 3 (Independent): “deployed”.')).toBeVisible();
	await expect(pytorch.getByRole('radio', { name: /^3/ })).toBeChecked();
	const kubernetes = page.getByRole('group', { name: 'Kubernetes & Helm' });
	await expect(kubernetes.getByRole('radio', { name: /^4/ })).toBeChecked();
	// The posting's terms the CV never uses.
	const missing = page.getByRole('region', { name: 'Posting terms your CV never uses' });
	await expect(missing.getByText('LangSmith', { exact: true })).toBeVisible();
	await expect(missing.getByText('PyTorch', { exact: true })).toHaveCount(0);
	expect(await hasHorizontalScroll(page)).toBe(false);

	// Every level is a thumb-sized tap.
	for (const box of await pytorch.locator('label.level').all()) {
		const size = await box.boundingBox();
		expect(size!.width).toBeGreaterThanOrEqual(44);
		expect(size!.height).toBeGreaterThanOrEqual(44);
	}
	await page.screenshot({ path: test.info().outputPath('cv-proposals.png'), fullPage: true });

	// One tap confirms every proposal.
	await page.getByRole('button', { name: /^Confirm all \d+$/ }).click();
	await expect(page).toHaveURL(/\/gap$/);
	await expect(page.locator('li.entry', { hasText: 'PyTorch' }).first()).toBeVisible();

	const gap = (await (await page.request.get('/api/gap')).json()) as {
		entries: { skillId: string; selfRated: number | null }[];
	};
	const selfRated = Object.fromEntries(gap.entries.map((e) => [e.skillId, e.selfRated]));
	expect(selfRated).toMatchObject({ python: 2, pytorch: 3, docker: 2, kubernetes: 4 });
	// Nothing was kept: the box was not ticked.
	const exported = (await (await page.request.get('/api/export')).json()) as {
		tables: { resume: unknown[] };
	};
	expect(exported.tables.resume).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('correct one proposal with one tap, keep the CV, save', async ({ page }) => {
		await register(page);
		// Typing before hydration would be reset by it.
		await page.goto('/start/cv', { waitUntil: 'networkidle' });
		await page.getByLabel('CV text').fill(CV);
		await page.getByLabel(/Keep my CV here/).check();
		await page.getByRole('button', { name: 'Propose my levels' }).click();
		const docker = page.getByRole('group', { name: 'Docker & containers' });
		await expect(docker.getByRole('radio', { name: /^2/ })).toBeChecked();
		await docker.getByRole('radio', { name: /^1/ }).check();
		await page
			.getByRole('group', { name: 'SQL & data modelling' })
			.getByRole('radio', { name: /Skip/ })
			.check();
		await page.getByRole('button', { name: 'Confirm all and show my gap' }).click();
		// No target yet: the ratings are saved and the learner goes on to choose one.
		await expect(page).toHaveURL(/\/start$/);

		const ratings = (await (await page.request.get('/api/assessments')).json()) as {
			ratings: { skillId: string; level: number }[];
		};
		const levels = Object.fromEntries(ratings.ratings.map((r) => [r.skillId, r.level]));
		expect(levels).toEqual({ pytorch: 3, kubernetes: 4, docker: 1, python: 2 });
		const exported = (await (await page.request.get('/api/export')).json()) as {
			tables: { resume: { text: string }[] };
		};
		expect(exported.tables.resume.map((r) => r.text)).toEqual([CV]);
		// The kept CV fills the box next time, and one tap deletes it.
		await page.goto('/start/cv');
		await expect(page.getByLabel('CV text')).toHaveValue(CV);
		await page.getByRole('button', { name: 'Delete my kept CV' }).click();
		await expect(page.getByText('Your kept CV is deleted.')).toBeVisible();
		const after = (await (await page.request.get('/api/export')).json()) as {
			tables: { resume: unknown[] };
		};
		expect(after.tables.resume).toEqual([]);
	});
});
