// Issue 14, "Onboarding in five minutes": a scripted learner on a phone goes register → paste a
// job description → rate in the order Gapwise asks until the gap is usable → /gap, and the test
// reports its taps and time.
//
// The learner's time is modelled, then the real wall time of the run is added on top:
// - a tap (click, tap or choice) costs TAP_S: the Keystroke-Level Model's mental preparation
//   (1.35 s) plus pointing (1.1 s) (Card, Moran & Newell 1980), rounded up;
// - a typed character costs TYPE_S (about 34 words a minute on a phone keyboard); a paste is two
//   taps (long-press, "Paste");
// - reaching a control below (or above) the screen costs a swipe (SWIPE_S) per three quarters of
//   a screen scrolled;
// - every statement read costs its words at READ_WPM, silent reading of non-fiction (Brysbaert
//   2019). On a rating screen the learner reads the skill's name and why it is asked, then the
//   level statements from level 1 up to one above their own (that one tells them to stop).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hasHorizontalScroll, PASSWORD, uniqueName } from './helpers';

test.skip(({ isMobile }) => !isMobile, 'Onboarding on a phone is the point.');
test.describe.configure({ timeout: 180_000 });

const TAP_S = 2.5;
const TYPE_S = 0.35;
const SWIPE_S = 1;
const READ_WPM = 238;
const BUDGET_S = 5 * 60;
const POSTING = 'agent-engineer.txt';
const jd = readFileSync(path.resolve('tests/fixtures/jd-2026', POSTING), 'utf8');

/** The scripted learner's real levels: a junior engineer, one step below most targets. */
const OWN_LEVEL: Record<string, number> = { python: 3, docker: 2, sql: 2, 'llm-security': 0 };
const ownLevel = (skillId: string, target: number) => OWN_LEVEL[skillId] ?? Math.max(0, target - 1);

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

class Learner {
	taps = 0;
	swipes = 0;
	typed = 0;
	wordsRead = 0;
	statementsRead = 0;
	screens: number[] = [];
	constructor(readonly page: Page) {}
	/** Swipes to bring a control into the thumb's reach (the bottom bar covers 64 px). */
	async reach(target: Locator) {
		await target.waitFor();
		const box = await target.boundingBox();
		const { height } = this.page.viewportSize()!;
		if (!box) return;
		const below = box.y + box.height - (height - 64);
		const distance = below > 0 ? below : Math.max(0, -box.y);
		this.swipes += Math.ceil(distance / (0.75 * height));
	}
	async tap(target: Locator) {
		await this.reach(target);
		this.taps++;
		await target.click();
	}
	async type(target: Locator, text: string) {
		await this.reach(target);
		this.taps++;
		this.typed += text.length;
		await target.fill(text);
	}
	async paste(target: Locator, text: string) {
		await this.reach(target);
		this.taps += 2;
		await target.fill(text);
	}
	read(text: string, statement = false) {
		this.wordsRead += words(text);
		if (statement) this.statementsRead++;
	}
	/** How many phone screens the learner scrolls through to see every choice of a skill. */
	async measureScreens() {
		const h = await this.page.evaluate(() => {
			const card = document.querySelector('section[aria-labelledby="skill-heading"]')!;
			const nav = document.querySelector('nav.bottom-nav');
			const bottom = card.getBoundingClientRect().bottom + window.scrollY;
			return (bottom + (nav?.getBoundingClientRect().height ?? 0)) / window.innerHeight;
		});
		this.screens.push(h);
	}
	get modelledSeconds() {
		return (
			this.taps * TAP_S +
			this.swipes * SWIPE_S +
			this.typed * TYPE_S +
			(this.wordsRead / READ_WPM) * 60
		);
	}
}

test('a scripted learner reaches a usable gap from a pasted job in under five minutes', async ({
	page
}) => {
	const learner = new Learner(page);
	const started = Date.now();

	await page.goto('/register', { waitUntil: 'networkidle' });
	await learner.type(page.getByLabel('Username'), uniqueName('ob'));
	await learner.type(page.getByLabel('Password'), PASSWORD);
	await learner.tap(page.getByRole('button', { name: 'Create account' }));
	await expect(page).toHaveURL(/\/today$/);

	await learner.tap(page.getByRole('link', { name: /Set (one|up)/ }).first());
	await expect(page).toHaveURL(/\/start$/);
	await learner.paste(page.getByLabel('Job description', { exact: true }), jd);
	await learner.tap(page.getByRole('button', { name: 'Analyse' }));
	await expect(page.getByRole('heading', { name: 'What the description asks for' })).toBeVisible();
	await learner.tap(page.getByRole('button', { name: 'Looks right — rate myself' }));
	await expect(page).toHaveURL(/\/start\/rate$/);

	const status = page.locator('.progress .status');
	const asked: string[] = [];
	let impliedSeen = 0;
	for (let step = 0; step < 40; step++) {
		await expect(status).toBeVisible();
		if (/gap usable now/.test(await status.innerText())) break;
		const heading = page.locator('#skill-heading');
		const name = await heading.innerText();
		expect(asked, 'a skill is asked once').not.toContain(name);
		asked.push(name);
		// Every can-do statement is there in full: nothing clamped, nothing cut.
		const cut = await page.locator('.levels .can, .levels .more li').evaluateAll(
			(els) =>
				els.filter((el) => {
					const s = getComputedStyle(el);
					return (
						el.scrollHeight > el.clientHeight + 1 ||
						s.webkitLineClamp !== 'none' ||
						s.textOverflow === 'ellipsis'
					);
				}).length
		);
		expect(cut, `statements cut on ${name}`).toBe(0);
		// "See my gap now" at every step.
		await expect(page.getByRole('link', { name: 'See my gap now' })).toBeVisible();
		await learner.measureScreens();

		const why = await page.locator('.why').innerText();
		const skillId = await page.locator('input[name="skillId"]').inputValue();
		const target = Number(/target (\d)/.exec(why)?.[1] ?? 2);
		const own = ownLevel(skillId, target);
		learner.read(`${name} ${why}`);
		const options = page.locator('.levels > li > button.option');
		for (let level = 1; level <= Math.min(own + 1, 4); level++) {
			learner.read(await options.nth(level).innerText(), true);
		}
		await learner.tap(options.nth(own));
		await expect(page.locator('#skill-heading')).not.toHaveText(name);
		impliedSeen = await page.locator('#implied-heading + p + ul > li').count();
	}
	expect(await status.innerText()).toMatch(/gap usable now/);

	// What the ratings imply is said as such, with a way to change it.
	expect(impliedSeen).toBeGreaterThan(0);
	await expect(page.getByText(/implied by your .+ rating/).first()).toBeVisible();
	await expect(page.getByRole('link', { name: /^Change / }).first()).toBeVisible();

	await learner.tap(page.getByRole('link', { name: 'See my gap now' }));
	await expect(page).toHaveURL(/\/gap\?from=start$/);
	await expect(page.getByRole('heading', { name: /^Readiness \d+ %$/ })).toBeVisible();
	const wallSeconds = (Date.now() - started) / 1000;

	// The gap says how many skills are unrated and offers to continue.
	await expect(
		page.getByText(/^\d+ of \d+ skills not rated yet: they count as level 0/)
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Continue rating' })).toHaveAttribute(
		'href',
		'/start/rate'
	);
	expect(await hasHorizontalScroll(page)).toBe(false);

	const total = learner.modelledSeconds + wallSeconds;
	const figures = {
		posting: POSTING,
		skillsRated: asked.length,
		taps: learner.taps,
		swipes: learner.swipes,
		typedCharacters: learner.typed,
		statementsRead: learner.statementsRead,
		wordsRead: learner.wordsRead,
		modelledSeconds: Math.round(learner.modelledSeconds),
		wallSeconds: Math.round(wallSeconds),
		totalSeconds: Math.round(total),
		tallestRatingScreen: Math.max(...learner.screens).toFixed(2)
	};
	for (const [type, value] of Object.entries(figures)) {
		test.info().annotations.push({ type, description: String(value) });
	}
	await test.info().attach('onboarding-figures.json', {
		body: JSON.stringify(figures, null, 2),
		contentType: 'application/json'
	});
	console.info(`onboarding: ${JSON.stringify(figures)}`);

	expect(total).toBeLessThan(BUDGET_S);
	// One skill per screen: no rating step is more than two phone screens tall (the old single
	// page was about 17).
	expect(Math.max(...learner.screens)).toBeLessThanOrEqual(2);
	expect(learner.taps).toBeLessThanOrEqual(30);

	// Correcting an implied level: the learner's own rating replaces it.
	const { ratings } = await (await page.request.get('/api/assessments')).json();
	const implied = ratings.find((r: { source: string }) => r.source === 'implied');
	expect(implied).toBeTruthy();
	await page.goto(`/start/rate?skill=${implied.skillId}`);
	await expect(page.getByText(/^Implied at \d/)).toBeVisible();
	await page.locator('.levels > li > button.option').nth(0).click();
	await expect(page.getByText(/^Saved .+ · 0 · Never heard of it/)).toBeVisible();
	const after = await (await page.request.get('/api/assessments')).json();
	expect(
		after.ratings.find((r: { skillId: string }) => r.skillId === implied.skillId)
	).toMatchObject({ level: 0, source: 'self' });
});

test('without JavaScript each answer is a form post, and a skip is asked again later', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	await page.goto('/register');
	await page.getByLabel('Username').fill(uniqueName('nojs'));
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.goto('/start');
	await page.getByRole('radio', { name: /Machine Learning Engineer II/ }).check();
	await page.getByRole('button', { name: 'Continue with this role' }).click();
	await expect(page).toHaveURL(/\/start\/rate$/);

	const first = await page.locator('#skill-heading').innerText();
	await page.getByRole('button', { name: 'Skip for now' }).click();
	await expect(page).toHaveURL(/skipped=/);
	const second = await page.locator('#skill-heading').innerText();
	expect(second).not.toBe(first);
	await page.getByRole('button', { name: /^2 · With guidance/ }).click();
	await expect(page.getByText(`Saved ${second} · 2 · With guidance`)).toBeVisible();
	// The skipped skill stays skipped for this sitting; the rest of the queue goes on.
	await expect(page.locator('#skill-heading')).not.toHaveText(first);
	await context.close();
});
