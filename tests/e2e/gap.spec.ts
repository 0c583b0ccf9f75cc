import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { drawnFraction, hasHorizontalScroll, register } from './helpers';

const SEEDS_DIR = process.env.SEEDS_DIR ?? '/work/shared/seeds';
const seed = (file: string) => readFileSync(path.join(SEEDS_DIR, file), 'utf8');

// Registration hashes a password; a loaded machine can take longer than the default 30 s.
test.describe.configure({ timeout: 90_000 });

test('sign up → choose a role → rate → see the gap → placement check', async ({ page }) => {
	await register(page);
	await page.goto('/today');
	await page
		.getByRole('link', { name: /Set (one|up)/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/start$/);
	expect(await hasHorizontalScroll(page)).toBe(false);

	await page.getByRole('radio', { name: /Machine Learning Engineer II/ }).check();
	await page.getByRole('button', { name: 'Continue with this role' }).click();
	await expect(page).toHaveURL(/\/start\/rate$/);
	expect(await hasHorizontalScroll(page)).toBe(false);

	// One skill per screen, the one that unlocks most first; one tap answers it.
	await expect(page.getByRole('heading', { name: 'Python programming' })).toBeVisible();
	await page.getByRole('button', { name: /^2 · With guidance/ }).click();
	await expect(page.getByText('Saved Python programming · 2 · With guidance.')).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);
	// Any skill can be rated out of turn (the "change" links of the answers list).
	await page.goto('/start/rate?skill=docker');
	await expect(page.getByRole('heading', { name: 'Docker & containers' })).toBeVisible();
	await page.getByRole('button', { name: /^0 · Never heard of it/ }).click();
	await expect(page.getByText(/^Saved Docker & containers · 0/)).toBeVisible();
	await page.getByRole('link', { name: 'See my gap now' }).click();

	await expect(page).toHaveURL(/\/gap\?from=start$/);
	await expect(page.getByRole('heading', { name: /^Readiness \d+ %$/ })).toBeVisible();
	await expect(page.getByText('Towards Machine Learning Engineer II')).toBeVisible();
	const pythonEntry = page.locator('li.entry', { hasText: 'Python programming' });
	await expect(pythonEntry.getByText('gap 1')).toBeVisible();
	await expect(
		pythonEntry.getByRole('link', { name: 'Python programming', exact: true })
	).toHaveAttribute('href', '/skills/python');
	await page.getByText('What readiness means').click();
	await expect(page.getByText(/weighted share of target levels/)).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);

	const gap = await (await page.request.get('/api/gap')).json();
	const entry = gap.entries.find((e: { skillId: string }) => e.skillId === 'python');
	expect(entry).toMatchObject({ target: 3, current: 2, selfRated: 2, gap: 1, direct: true });
	// The readiness bar is drawn to the readiness, not full (an invalid width draws it full).
	expect(gap.readiness).toBeGreaterThan(0);
	expect(gap.readiness).toBeLessThan(0.95);
	const drawn = await drawnFraction(page, '.readiness .meter span', '.readiness .meter');
	expect(drawn).toBeCloseTo(gap.readiness, 1);
	await expect(pythonEntry.getByText(/Level 2 → target 3/)).toBeVisible();
	// The page ends in a next step.
	const next = page.getByRole('navigation', { name: 'Next step' });
	await expect(next.getByRole('link', { name: 'See my plan' })).toHaveAttribute('href', '/plan');
	await expect(next.getByRole('link', { name: 'Start reviewing' })).toHaveAttribute(
		'href',
		'/review'
	);

	// Placement: python is claimed at 2; answer its cards.
	await page.getByRole('link', { name: /check your levels/ }).click();
	await expect(page.getByRole('heading', { name: /Python programming/ })).toBeVisible();
	const cards = page.locator('fieldset.quiz');
	const n = await cards.count();
	expect(n).toBeGreaterThanOrEqual(2);
	for (let i = 0; i < n; i++) {
		await cards.nth(i).getByText('Show answer').click();
		await cards.nth(i).getByRole('radio', { name: 'I knew it' }).check();
	}
	await page.getByRole('button', { name: 'Next' }).click();
	await expect(page.getByText(/Python programming level 2 confirmed/)).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Result' })).toBeVisible();

	// Re-assess with history.
	await page.goto('/assess/python');
	await expect(page.getByText('placement check', { exact: true })).toBeVisible();
	await expect(page.getByText('self-rating', { exact: true })).toBeVisible();
	await page.getByRole('radio', { name: /^3 · Independent/ }).check();
	await page.getByRole('button', { name: 'Save rating' }).click();
	await expect(page.getByText('Rating saved.')).toBeVisible();
	await expect(page.locator('ol li')).toHaveCount(3);

	// A met skill reads as met, never as a level going down.
	const rated = await page.request.post('/api/assessments', {
		data: { ratings: [{ skillId: 'git-code-review', level: 4 }] }
	});
	expect(rated.status()).toBe(201);
	await page.goto('/gap');
	const git = page.locator('li.entry', { hasText: 'Git' }).first();
	await expect(git.getByText('Level 4 · target 3 met')).toBeVisible();
	await expect(git.getByText('→')).toHaveCount(0);
});

test('paste a seed job description → edit → save target → gap', async ({ page }) => {
	await register(page);
	// Typing before hydration would be reset by it (a cold server, a worker installing).
	await page.goto('/start', { waitUntil: 'networkidle' });
	await page.getByLabel('Job description', { exact: true }).fill(seed('001_0421ab21f8f11d96.txt'));
	await page.getByRole('button', { name: 'Analyse' }).click();

	await expect(page.getByRole('heading', { name: 'What the description asks for' })).toBeVisible();
	await expect(
		page.getByText(/skills found; levels follow the closest role profile/)
	).toBeVisible();
	// Evidence sentence beside the skill.
	await expect(
		page.getByText('“Familiarity with vector databases and embedding-based retrieval systems”')
	).toBeVisible();
	// Why each level, and a name taken from the posting's job title.
	await expect(page.getByText(/^Level \d: /).first()).toBeVisible();
	await expect(page.getByLabel('Target name')).toHaveValue('Machine Learning Engineer');
	expect(await hasHorizontalScroll(page)).toBe(false);

	// Drop one skill, make another nice-to-have at level 4, add one.
	await page.getByRole('checkbox', { name: 'Kubernetes & Helm' }).uncheck();
	await page.getByRole('combobox', { name: 'Docker & containers: Level' }).selectOption('4');
	await page
		.getByRole('combobox', { name: 'Docker & containers: Importance' })
		.selectOption('nice');
	await page.getByLabel('Add a skill').selectOption('sql');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('checkbox', { name: 'SQL & data modelling' })).toBeChecked();

	await page.getByLabel('Target name').fill('Hiring page MLE');
	await page.getByRole('button', { name: 'Save target and rate myself' }).click();
	await expect(page).toHaveURL(/\/start\/rate$/);
	// Stop before rating anything: the gap counts every skill as unrated.
	await page.getByRole('link', { name: 'See my gap now' }).click();
	await expect(page).toHaveURL(/\/gap/);
	await expect(page.getByText(/^(\d+) of \1 skills not rated yet/)).toBeVisible();
	await expect(page.getByText('Towards Hiring page MLE')).toBeVisible();

	const { targets } = await (await page.request.get('/api/targets')).json();
	expect(targets).toHaveLength(1);
	const skills = new Map(targets[0].skills.map((s: { id: string }) => [s.id, s]));
	expect(skills.has('kubernetes')).toBe(false);
	expect(skills.get('docker')).toMatchObject({ targetLevel: 4, importance: 'nice', weight: 0.5 });
	expect(skills.get('sql')).toMatchObject({ targetLevel: 2, importance: 'must' });
	expect(targets[0]).toMatchObject({
		name: 'Hiring page MLE',
		active: true,
		fromJobDescription: true
	});

	// Targets page: a second target, switch, rename, delete.
	await page.request.post('/api/targets', {
		data: { name: 'Junior', roleId: 'junior-mle', active: false }
	});
	await page.goto('/targets');
	await page
		.getByRole('article', { name: 'Junior' })
		.getByRole('button', { name: 'Make active' })
		.click();
	await expect(
		page.getByRole('article', { name: 'Junior' }).getByText('Active', { exact: true })
	).toBeVisible();
	const hiring = page.getByRole('article', { name: 'Hiring page MLE' });
	await hiring.getByText('Rename or delete').click();
	await hiring.getByLabel('New name').fill('Hiring page (old)');
	await hiring.getByRole('button', { name: 'Rename' }).click();
	await expect(page.getByRole('heading', { name: 'Hiring page (old)' })).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);
});

test('a visitor tries the analyser and is invited to register', async ({ page }) => {
	// Typing before hydration would be reset by it (a cold server, a worker installing).
	await page.goto('/analyze', { waitUntil: 'networkidle' });
	await page.getByLabel('Job description', { exact: true }).fill(seed('000_3d63e902e0946ca6.txt'));
	await page.getByRole('button', { name: 'Analyse' }).click();
	await expect(page.getByRole('heading', { name: /\b\d+ skills found/ })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Must-have' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Docker & containers' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Create a free account' })).toHaveAttribute(
		'href',
		'/register'
	);
	expect(await hasHorizontalScroll(page)).toBe(false);
});

async function expect400(request: APIRequestContext, url: string, data: unknown) {
	const res = await request.post(url, { data });
	expect(res.status(), JSON.stringify(data)).toBe(400);
	const body = await res.json();
	expect(typeof body.message).toBe('string');
	return body;
}

test('JSON API contracts', async ({ page, browser, baseURL }) => {
	const api = page.request;
	// The analyser needs no account.
	const analysed = await api.post('/api/jd/analyze', {
		data: { text: 'Requirements: strong Python and Docker. Kubernetes is a plus.' }
	});
	expect(analysed.status()).toBe(200);
	const body = await analysed.json();
	// Fields are only ever added: title and each skill's levelReason came with issue 13.
	expect(Object.keys(body).sort()).toEqual(['skills', 'title', 'unmatched']);
	const byId = new Map(body.skills.map((s: { id: string }) => [s.id, s]));
	expect(byId.get('python')).toMatchObject({ name: 'Python programming', importance: 'must' });
	expect(byId.get('kubernetes')).toMatchObject({ importance: 'nice' });
	for (const s of body.skills) {
		expect(Object.keys(s).sort()).toEqual([
			'evidence',
			'id',
			'importance',
			'levelReason',
			'name',
			'targetLevel'
		]);
		expect(s.targetLevel).toBeGreaterThanOrEqual(0);
		expect(s.targetLevel).toBeLessThanOrEqual(4);
	}
	await expect400(api, '/api/jd/analyze', { text: '   ' });
	await expect400(api, '/api/jd/analyze', { text: 42 });
	await expect400(api, '/api/jd/analyze', { text: 'x'.repeat(20_001) });
	const plain = await api.post('/api/jd/analyze', {
		headers: { 'content-type': 'text/plain', origin: baseURL! },
		data: 'Python'
	});
	expect(plain.status()).toBe(415);

	// Signed-in endpoints answer 401 to a guest.
	expect((await api.get('/api/gap')).status()).toBe(401);
	expect((await api.post('/api/targets', { data: { name: 'x', roleId: 'mle-ii' } })).status()).toBe(
		401
	);

	await register(page);
	expect((await api.get('/api/gap')).status()).toBe(404);
	const created = await api.post('/api/targets', {
		data: {
			name: 'Custom',
			skills: [
				{ id: 'kubernetes', targetLevel: 2, importance: 'must' },
				{ id: 'sql', targetLevel: 3, importance: 'nice' }
			],
			active: true
		}
	});
	expect(created.status()).toBe(201);
	const target = await created.json();
	expect(target).toMatchObject({ name: 'Custom', active: true, roleId: null });
	expect(typeof target.id).toBe('string');
	await expect400(api, '/api/targets', { name: '', roleId: 'mle-ii' });
	await expect400(api, '/api/targets', { name: 'No skills' });
	await expect400(api, '/api/targets', {
		name: 'Bad',
		skills: [{ id: 'no-such-skill', targetLevel: 2, importance: 'must' }]
	});
	await expect400(api, '/api/targets', {
		name: 'Bad',
		skills: [{ id: 'sql', targetLevel: 9, importance: 'must' }]
	});

	const rated = await api.post('/api/assessments', {
		data: {
			ratings: [
				{ skillId: 'kubernetes', level: 1 },
				{ skillId: 'docker', level: 3 }
			]
		}
	});
	expect(rated.status()).toBe(201);
	await expect400(api, '/api/assessments', { ratings: [{ skillId: 'docker', level: 5 }] });
	await expect400(api, '/api/assessments', { ratings: [] });
	await expect400(api, '/api/assessments', { ratings: [{ skillId: 'nope', level: 1 }] });

	const gap = await (await api.get('/api/gap')).json();
	expect(gap.target).toMatchObject({ id: target.id, name: 'Custom' });
	expect(gap.readiness).toBeGreaterThan(0);
	expect(gap.readiness).toBeLessThan(1);
	const entries = new Map(gap.entries.map((e: { skillId: string }) => [e.skillId, e]));
	expect(entries.get('kubernetes')).toMatchObject({
		target: 2,
		current: 1,
		gap: 1,
		weight: 1,
		via: [],
		selfRated: 1,
		direct: true
	});
	expect(entries.get('docker')).toMatchObject({ gap: 0, via: ['kubernetes'], direct: false });
	expect(entries.get('sql')).toMatchObject({ weight: 0.5 });

	const list = await (await api.get('/api/targets')).json();
	expect(list.targets.map((t: { id: string }) => t.id)).toEqual([target.id]);

	// Another learner: 404 for A's target, never its data.
	const other = await browser.newContext();
	const otherPage = await other.newPage();
	await register(otherPage);
	const theirs = otherPage.request;
	expect((await theirs.get(`/api/targets/${target.id}`)).status()).toBe(404);
	expect(
		(await theirs.patch(`/api/targets/${target.id}`, { data: { name: 'Mine now' } })).status()
	).toBe(404);
	expect((await theirs.delete(`/api/targets/${target.id}`)).status()).toBe(404);
	expect(await (await theirs.get('/api/targets')).json()).toEqual({ targets: [] });
	expect((await theirs.get('/api/gap')).status()).toBe(404);
	await other.close();
	expect((await (await api.get(`/api/targets/${target.id}`)).json()).name).toBe('Custom');
});
