import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, hasHorizontalScroll, register, uniqueName } from './helpers';

// The learner's own cards: pages (phone and desktop) and the /api/cards contract.

// Several pages per test on a shared, often busy machine: more than the default 30 s each.
test.describe.configure({ timeout: 60_000 });

/**
 * The server renders the built-in deck (shiki) and builds other caches on first use, which
 * took 6–7 s here under load: longer than register()'s wait for /today. Warm it once per worker.
 */
test.beforeAll(async ({ playwright }, testInfo) => {
	testInfo.setTimeout(120_000);
	const baseURL = testInfo.project.use.baseURL!;
	const warm = await playwright.request.newContext({ baseURL, timeout: 60_000 });
	await warm.post('/register', {
		form: { username: uniqueName('warm'), password: PASSWORD },
		headers: { origin: baseURL },
		maxRedirects: 0
	});
	for (const path of ['/today', '/cards', '/cards/export?format=json']) {
		expect((await warm.get(path)).status()).toBe(200);
	}
	await warm.dispose();
});

async function newCard(
	page: Page,
	card: { skill: string; level: number; front: string; back: string; tags?: string }
) {
	await page.goto('/cards/new');
	await page.getByLabel('Skill').selectOption(card.skill);
	await page.getByRole('radio', { name: new RegExp(`^${card.level} `) }).check();
	await page.getByLabel('Front').fill(card.front);
	await page.getByLabel('Back').fill(card.back);
	if (card.tags) await page.getByLabel('Tags (optional)').fill(card.tags);
	await page.getByRole('button', { name: 'Save card' }).click();
	await expect(page.getByRole('status')).toHaveText('Card added.');
}

test('create, edit and delete a card', async ({ page }) => {
	await register(page);
	await page.goto('/profile');
	await expect(page.getByRole('link', { name: 'Open your cards' })).toHaveAttribute(
		'href',
		'/cards'
	);
	await page.goto('/cards');
	await expect(page.getByRole('heading', { name: 'No cards yet' })).toBeVisible();

	await page.getByRole('link', { name: 'New card' }).click();
	await newCard(page, {
		skill: 'docker',
		level: 2,
		front: 'Why copy requirements.txt before the source?',
		back: 'The dependency layer stays **cached**.',
		tags: 'layers cache'
	});
	await expect(page).toHaveURL(/\/cards\?created=pc_/);
	const item = page.getByRole('link', { name: /Why copy requirements\.txt/ });
	await expect(item).toContainText('Docker');
	await expect(item).toContainText('Level 2');
	await expect(item).toContainText('#layers');
	expect(await hasHorizontalScroll(page)).toBe(false);

	await item.click();
	await expect(page.getByRole('heading', { name: 'Edit card' })).toBeVisible();
	const id = page.url().split('/').pop()!;
	await page.getByText('How it looks now').click();
	await expect(page.locator('.card-html strong')).toHaveText('cached');
	await page.getByLabel('Back').fill('Docker reuses the cached dependency layer.');
	await page.getByRole('radio', { name: /^3 / }).check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toHaveText('Card saved.');
	await expect(page.getByRole('link', { name: /Why copy requirements\.txt/ })).toContainText(
		'Level 3'
	);

	// Editing kept the id.
	await page.goto(`/cards/${id}`);
	await expect(page.getByLabel('Back')).toHaveValue('Docker reuses the cached dependency layer.');
	await page.getByText('Delete this card…').click();
	await page.getByRole('button', { name: 'Delete card' }).click();
	await expect(page.getByRole('status')).toHaveText('Card deleted.');
	await expect(page.getByRole('heading', { name: 'No cards yet' })).toBeVisible();
	expect((await page.request.get(`/cards/${id}`)).status()).toBe(404);
});

test('a skill page can open "new card for this skill"; errors keep the input', async ({ page }) => {
	await register(page);
	await page.goto('/cards/new?skill=sql');
	await expect(page.getByLabel('Skill')).toHaveValue('sql');

	// The server's messages, with the browser's own checks off.
	await page.locator('form.card-form').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.getByLabel('Front').fill('What does a LEFT JOIN keep?');
	await page.getByLabel('Tags (optional)').fill('joins skill::docker');
	await page.getByRole('button', { name: 'Save card' }).click();
	await expect(page.getByRole('alert')).toHaveText('Please correct the marked fields.');
	await expect(page.getByText('Choose a level from 1 to 4.')).toBeVisible();
	await expect(page.getByText('The back is empty.')).toBeVisible();
	await expect(page.getByText(/Tags starting with skill::/)).toBeVisible();
	await expect(page.getByLabel('Front')).toHaveValue('What does a LEFT JOIN keep?');

	await page.getByRole('radio', { name: /^1 / }).check();
	await page.getByLabel('Back').fill('Every row of the left table.');
	await page.getByLabel('Tags (optional)').fill('joins');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.locator('.preview .card-html').first()).toHaveText(
		'What does a LEFT JOIN keep?'
	);

	await page.getByRole('button', { name: 'Save and add another' }).click();
	await expect(page.getByRole('status')).toContainText('Card added.');
	await expect(page.getByLabel('Skill')).toHaveValue('sql');
	await expect(page.getByRole('radio', { name: /^1 / })).toBeChecked();
	await expect(page.getByLabel('Front')).toHaveValue('');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('create, search and filter by skill through plain forms and GET parameters', async ({
		page
	}) => {
		await register(page);
		await newCard(page, {
			skill: 'docker',
			level: 1,
			front: 'What does EXPOSE do?',
			back: 'Documents a port.'
		});
		await newCard(page, {
			skill: 'sql',
			level: 2,
			front: 'What does GROUP BY do?',
			back: 'One row per group.'
		});

		await page.getByLabel('Search').fill('port');
		await page.getByRole('button', { name: 'Search' }).click();
		await expect(page).toHaveURL(/[?&]q=port/);
		await expect(page.getByText('1 card of 2 matches.')).toBeVisible();
		await expect(page.getByRole('link', { name: /EXPOSE/ })).toBeVisible();

		await page.goto('/cards?skill=sql');
		await expect(page.getByRole('link', { name: /GROUP BY/ })).toBeVisible();
		await expect(page.getByRole('link', { name: /EXPOSE/ })).toHaveCount(0);
		await expect(page.getByLabel('Skill')).toHaveValue('sql');
	});
});

const ANKI_TEXT = [
	'#separator:tab',
	'#html:true',
	'#tags column:3',
	'What is a <b>container image</b>?\tA read-only template of layers.\tbasics',
	'Which flag runs a container detached?\t<code>-d</code>\t',
	'A front without a back',
	'What does docker ps list?\tRunning containers.\tskill::nope'
].join('\n');

test('import: preview with per-line errors, nothing saved until confirm, no duplicates', async ({
	page
}) => {
	await register(page);
	await page.goto('/cards/import');
	await page.getByLabel('Or paste the text').fill(ANKI_TEXT);
	await page.getByLabel('Skill for lines without a skill:: tag').selectOption('docker');
	await page.getByRole('button', { name: 'Preview' }).click();

	const preview = page.getByRole('region', { name: 'Preview' });
	await expect(preview).toContainText('4 lines read (tab-separated, HTML): 2 new, 2 errors.');
	const row = (line: number) => preview.getByRole('row').filter({ hasText: `Line ${line}` });
	await expect(row(4)).toContainText('New');
	await expect(row(6)).toContainText('The back is missing');
	await expect(row(7)).toContainText('Unknown skill “nope”.');
	expect(await hasHorizontalScroll(page)).toBe(false);

	// Nothing is written by the preview.
	expect((await (await page.request.get('/api/cards')).json()).cards).toEqual([]);

	await page.getByRole('button', { name: 'Import 2 cards' }).click();
	await expect(page.getByRole('status')).toHaveText('Imported 2 cards; 2 lines skipped.');
	await expect(page.getByRole('link', { name: /^What is a container image\?/ })).toBeVisible();

	// The same text again, this time as an uploaded file: nothing new.
	await page.goto('/cards/import');
	await page.getByLabel('File').setInputFiles({
		name: 'deck.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from(ANKI_TEXT)
	});
	await page.getByLabel('Skill for lines without a skill:: tag').selectOption('docker');
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(preview).toContainText('2 already yours');
	await expect(preview).toContainText('Nothing new to import.');
	expect((await (await page.request.get('/api/cards')).json()).cards).toHaveLength(2);
});

test('import size limit: just under 1 MB and 2,000 cards is read, over 1 MB is refused', async ({
	page
}) => {
	test.setTimeout(90_000);
	await register(page);
	const origin = new URL(page.url()).origin;
	const line = (i: number) => `Question ${i} ${'x'.repeat(440)}\tAnswer ${i}\n`;
	const near = Array.from({ length: 2000 }, (_, i) => line(i)).join('');
	expect(near.length).toBeGreaterThan(900_000);
	expect(near.length).toBeLessThan(1_000_000);
	const post = (text: string) =>
		page.request.post('/cards/import?/preview', {
			headers: { origin, accept: 'text/html' },
			multipart: {
				file: { name: 'big.tsv', mimeType: 'text/plain', buffer: Buffer.from(text) },
				skillId: 'docker',
				level: '1'
			}
		});
	const ok = await post(near);
	expect(ok.status()).toBe(200);
	expect(await ok.text()).toContain('2000 lines read');
	const tooBig = await post(near + 'y'.repeat(120_000));
	expect(tooBig.status()).toBe(400);
	expect(await tooBig.text()).toContain('the limit is 1 MB');
});

test('export downloads Anki TSV, CSV and JSON that re-import to nothing new', async ({ page }) => {
	test.setTimeout(90_000);
	await register(page);
	await newCard(page, {
		skill: 'python',
		level: 1,
		front: 'What does `*args` collect?',
		back: 'Extra positional\narguments, as a tuple.',
		tags: 'functions'
	});

	for (const [label, ext, head] of [
		['Anki TSV', 'tsv', '#separator:tab\n#html:true\n#tags column:3\n'],
		['CSV', 'csv', '#separator:comma\n#html:true\n#tags column:3\n'],
		['JSON', 'json', '{']
	] as const) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: label, exact: true }).click()
		]);
		expect(download.suggestedFilename()).toMatch(
			new RegExp(`^gapwise-cards-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`)
		);
		const text = await (
			await download.createReadStream()
		)
			.toArray()
			.then((c) => Buffer.concat(c).toString('utf8'));
		expect(text.startsWith(head)).toBe(true);
		if (ext === 'tsv') {
			expect(text).toContain(
				'What does `*args` collect?\tExtra positional<br>arguments, as a tuple.\tfunctions skill::python level::1'
			);
			await page.goto('/cards/import');
			await page.getByLabel('File').setInputFiles({
				name: 'export.tsv',
				mimeType: 'text/tab-separated-values',
				buffer: Buffer.from(text)
			});
			await page.getByRole('button', { name: 'Preview' }).click();
			await expect(page.getByRole('region', { name: 'Preview' })).toContainText('1 already yours');
			await page.goto('/cards');
		}
		if (ext === 'json') {
			expect(JSON.parse(text).personalCards[0]).toMatchObject({
				skillId: 'python',
				level: 1,
				tags: ['functions']
			});
		}
	}
	const res = await page.request.get('/cards/export?format=xml');
	expect(res.status()).toBe(400);
	const disposition = (await page.request.get('/cards/export?format=csv')).headers()[
		'content-disposition'
	];
	expect(disposition).toMatch(/^attachment; filename="gapwise-cards-.*\.csv"$/);
});

test('JSON API: create, read, patch, delete; 400, 404, 409 and 415', async ({ page, browser }) => {
	await register(page);
	const api = page.request;

	const created = await api.post('/api/cards', {
		data: {
			skillId: 'docker',
			level: 2,
			front: 'What does `docker ps -a` show?',
			back: 'All containers.',
			tags: ['cli']
		}
	});
	expect(created.status()).toBe(201);
	const card = await created.json();
	expect(card).toMatchObject({
		skillId: 'docker',
		level: 2,
		front: 'What does `docker ps -a` show?',
		back: 'All containers.',
		tags: ['cli']
	});
	expect(card.id).toMatch(/^pc_[0-9a-f-]{36}$/);
	expect(card.frontHtml).toBe('<p>What does <code>docker ps -a</code> show?</p>\n');
	expect(created.headers().location).toBe(`/api/cards/${card.id}`);

	const list = await (await api.get('/api/cards')).json();
	expect(list.cards.map((c: { id: string }) => c.id)).toEqual([card.id]);
	expect((await api.get(`/api/cards?skill=sql`)).ok()).toBe(true);
	expect((await (await api.get('/api/cards?q=containers')).json()).cards).toHaveLength(1);

	const patched = await api.patch(`/api/cards/${card.id}`, { data: { level: 3 } });
	expect(patched.status()).toBe(200);
	expect(await patched.json()).toMatchObject({
		id: card.id,
		level: 3,
		front: card.front,
		tags: ['cli']
	});

	// Bad input: 400 with a message and one error per field.
	const bad = await api.post('/api/cards', {
		data: { skillId: 'nope', level: 9, front: '', back: 'x' }
	});
	expect(bad.status()).toBe(400);
	const badBody = await bad.json();
	expect(badBody.message).toBe('skillId: Unknown skill “nope”.');
	expect(badBody.errors).toEqual({
		skillId: 'Unknown skill “nope”.',
		level: 'Choose a level from 1 to 4.',
		front: 'The front is empty.'
	});
	expect((await api.patch(`/api/cards/${card.id}`, { data: {} })).status()).toBe(400);
	expect(
		(await api.patch(`/api/cards/${card.id}`, { data: { tags: 'not a list' } })).status()
	).toBe(400);
	expect((await api.post('/api/cards', { data: [1, 2] })).status()).toBe(400);
	const notJson = await api.post('/api/cards', {
		headers: { 'content-type': 'application/json' },
		data: '{"skillId":'
	});
	expect(notJson.status()).toBe(400);
	// With a same-origin Origin, so SvelteKit's own CSRF check (403) lets it reach the handler.
	const origin = new URL(page.url()).origin;
	const plain = await api.post('/api/cards', {
		headers: { origin, 'content-type': 'text/plain' },
		data: JSON.stringify({ skillId: 'docker', level: 1, front: 'a', back: 'b' })
	});
	expect(plain.status()).toBe(415);
	// A same-origin form post (what a cross-site page could forge) never reaches the handler.
	const form = await api.post('/api/cards', {
		headers: { origin },
		form: { skillId: 'docker', level: '1', front: 'a', back: 'b' }
	});
	expect(form.status()).toBe(415);
	expect(
		(
			await api.post('/api/cards', {
				data: {
					skillId: 'docker',
					level: 1,
					front: 'WHAT does `docker ps -a` show?',
					back: ' All containers. '
				}
			})
		).status()
	).toBe(409);

	// Another learner: 404 for everything of A's, and A's card is unchanged.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await register(otherPage);
	const b = otherPage.request;
	expect((await b.get(`/api/cards/${card.id}`)).status()).toBe(404);
	expect((await b.patch(`/api/cards/${card.id}`, { data: { front: 'mine now' } })).status()).toBe(
		404
	);
	expect((await b.delete(`/api/cards/${card.id}`)).status()).toBe(404);
	expect((await (await b.get('/api/cards')).json()).cards).toEqual([]);
	expect((await otherPage.goto(`/cards/${card.id}`))?.status()).toBe(404);
	await other.close();
	expect(await (await api.get(`/api/cards/${card.id}`)).json()).toMatchObject({
		front: card.front,
		level: 3
	});

	expect((await api.delete(`/api/cards/${card.id}`)).status()).toBe(204);
	expect((await api.get(`/api/cards/${card.id}`)).status()).toBe(404);
	expect((await api.delete(`/api/cards/${card.id}`)).status()).toBe(404);
	expect((await api.get('/api/cards/docker-001')).status()).toBe(404);
});

test('the API refuses a signed-out caller', async ({ playwright }) => {
	const anonymous = await playwright.request.newContext({
		baseURL: test.info().project.use.baseURL
	});
	expect((await anonymous.get('/api/cards')).status()).toBe(401);
	expect(
		(
			await anonymous.post('/api/cards', {
				data: { skillId: 'docker', level: 1, front: 'a', back: 'b' }
			})
		).status()
	).toBe(401);
	await anonymous.dispose();
});

test('card pages fit a 360 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 780 });
	await register(page);
	await newCard(page, {
		skill: 'kubernetes',
		level: 3,
		front:
			'A pod stays Pending with `0/3 nodes are available: Insufficient nvidia.com/gpu` — first check?',
		back: 'Whether the NVIDIA device plugin runs and advertises GPUs on the nodes.'
	});
	for (const path of ['/cards', '/cards/new', '/cards/import']) {
		await page.goto(path);
		expect(await hasHorizontalScroll(page), path).toBe(false);
	}
});
