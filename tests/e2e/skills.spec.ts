import { expect, test } from '@playwright/test';
import { hasHorizontalScroll, register } from './helpers';

test(
	'/skills draws the graph on desktop and lists skills by area on a phone',
	{ tag: '@desktop' },
	async ({ page, isMobile }) => {
		await page.goto('/skills');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('The MLE competency graph');
		const graph = page.locator('svg.graph');
		const list = page.locator('.list-view');
		if (isMobile) {
			await expect(graph).toBeHidden();
			// Areas start folded so the phone page stays short; a tap opens one.
			const mlops = list.getByRole('heading', { name: 'MLOps', exact: true });
			await expect(mlops).toBeVisible();
			await expect(
				list.getByRole('link', { name: 'Docker & containers', exact: true })
			).toBeHidden();
			await mlops.click();
			const docker = list
				.locator('li.skill')
				.filter({ has: page.getByRole('link', { name: 'Docker & containers', exact: true }) });
			await expect(docker.getByRole('link', { name: /^Python programming/ })).toBeVisible();
			await expect(docker.getByRole('link', { name: /Kubernetes/ })).toBeVisible();
		} else {
			await expect(graph).toBeVisible();
			await expect(list).toBeHidden();
			expect(await graph.locator('a.node').count()).toBeGreaterThanOrEqual(35);
			await graph.locator('a[href="/skills/docker"]').click();
			await expect(page).toHaveURL(/\/skills\/docker$/);
		}
	}
);

test('what was typed before the script ran is searched once it runs', async ({ page }) => {
	// Hold the page's scripts back so the typing lands first, as on a slow phone.
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/skills', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Search by name or alias').fill('k8s');
	release();
	await expect(page.getByRole('status')).toHaveText('1 skill matches “k8s”.');
	await expect(page.getByLabel('Search by name or alias')).toHaveValue('k8s');
});

test('search by alias finds the skill, with and without JavaScript', async ({ page, isMobile }) => {
	const scope = isMobile
		? page.locator('.list-view')
		: page.getByRole('list', { name: 'Matching skills' });
	await page.goto('/skills');
	await page.getByLabel('Search by name or alias').fill('k8s');
	await expect(page.getByRole('status')).toHaveText('1 skill matches “k8s”.');
	await expect(scope.getByRole('link', { name: /Kubernetes/ })).toBeVisible();
	if (isMobile)
		await expect(scope.getByRole('link', { name: 'Docker & containers', exact: true })).toHaveCount(
			0
		);
	else await expect(page.locator('a.node.dim[href="/skills/docker"]')).toHaveCount(1);
	// The GET form is the no-JS path: the server filters the same way, typos forgiven.
	await page.goto('/skills?q=sagemkaer');
	await expect(page.getByRole('status')).toHaveText(
		/^Nothing is spelt “sagemkaer”; the (?:closest skill|\d+ closest skills):$/
	);
	await expect(scope.getByRole('link', { name: /Managed ML platforms/ }).first()).toBeVisible();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the search form filters on the server', async ({ page, isMobile }) => {
		await page.goto('/skills');
		await page.getByLabel('Search by name or alias').fill('LoRA');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/\/skills\?q=LoRA$/);
		const scope = isMobile
			? page.locator('.list-view')
			: page.getByRole('list', { name: 'Matching skills' });
		await expect(scope.getByRole('link', { name: /fine-tuning/i })).toBeVisible();
	});

	test('a card expands to show its answer', async ({ page }) => {
		await page.goto('/skills/docker');
		const first = page.locator('section[aria-labelledby="cards"] li.card').first();
		await expect(first.locator('details .back')).toBeHidden();
		await first.getByText('Show answer').click();
		await expect(first.locator('details .back')).toBeVisible();
	});
});

test('a skill page shows rubric, prerequisites, unlocks, resources and cards by level', async ({
	page
}) => {
	await page.goto('/skills/docker');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Docker & containers');
	for (const level of [1, 2, 3, 4]) {
		await expect(
			page.getByRole('heading', { name: new RegExp(`^Level ${level} · `) }).first()
		).toBeVisible();
	}
	await expect(
		page.getByText('Wrote a Dockerfile that serves a model behind FastAPI')
	).toBeVisible();
	await expect(
		page
			.locator('section[aria-labelledby="prereqs"]')
			.getByRole('link', { name: 'Python programming' })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Unlocks' })).toBeVisible();
	const cards = page.locator('section[aria-labelledby="cards"] li.card');
	expect(await cards.count()).toBeGreaterThanOrEqual(12);
	await expect(page.getByRole('heading', { name: /Review cards \(\d+\)/ })).toBeVisible();
	// Cloze fronts show a blank; code is highlighted on the server.
	await expect(page.locator('.cloze-blank').first()).toHaveText('[…]');
	await expect(page.locator('pre.shiki').first()).toBeVisible();
});

test('an unknown skill is a 404', async ({ page }) => {
	const response = await page.goto('/skills/no-such-skill');
	expect(response?.status()).toBe(404);
});

test('no horizontal scroll at 360 px', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of [
		'/skills',
		'/skills?q=k8s',
		'/skills/docker',
		'/skills/python',
		'/skills/kubernetes'
	]) {
		await page.goto(path);
		expect(await hasHorizontalScroll(page), path).toBe(false);
	}
});

test('GET /api/graph is public, cacheable and revalidates with an ETag', async ({ request }) => {
	const res = await request.get('/api/graph');
	expect(res.status()).toBe(200);
	expect(res.headers()['cache-control']).toMatch(/public, max-age=\d+/);
	const etag = res.headers()['etag'];
	// Weak: the client accepts gzip, and a compressed representation is not byte-equal.
	expect(etag).toMatch(/^W\/"[\w-]+"$/);
	const body = (await res.json()) as {
		skills: {
			id: string;
			prerequisites: { id: string; level: number }[];
			hours: Record<string, number>;
		}[];
		roles: { id: string; skills: { id: string; level: number; weight: number }[] }[];
	};
	const docker = body.skills.find((s) => s.id === 'docker')!;
	expect(docker.prerequisites).toContainEqual({ id: 'python', level: 2, forLevel: 2 });
	expect(Object.keys(docker.hours)).toEqual(['1', '2', '3', '4']);
	expect(body.roles.find((r) => r.id === 'mlops-engineer')?.skills.length).toBeGreaterThan(5);
	const again = await request.get('/api/graph', { headers: { 'if-none-match': etag! } });
	expect(again.status()).toBe(304);
});

test('a signed-in learner rates a skill from its page and sees their level there', async ({
	page
}) => {
	await page.goto('/skills/docker');
	await expect(page.getByRole('link', { name: 'Sign up to rate yourself' })).toBeVisible();
	await register(page);
	await page.goto('/skills/docker');
	await expect(page.getByRole('link', { name: 'Write a card' })).toHaveAttribute(
		'href',
		'/cards/new?skill=docker'
	);
	await page.getByRole('link', { name: 'Rate yourself' }).click();
	await expect(page).toHaveURL(/\/assess\/docker$/);
	await page.getByRole('radio', { name: /^2 · With guidance/ }).check();
	await page.getByRole('button', { name: 'Save rating' }).click();
	await expect(page.getByRole('status')).toHaveText('Rating saved.');
	await page.goto('/skills/docker');
	await expect(page.getByText('Your level: 2 (With guidance)')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Change your rating' })).toBeVisible();
});
