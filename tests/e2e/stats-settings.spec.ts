import { expect, test, type Locator, type Page } from '@playwright/test';
import { hasHorizontalScroll, register } from './helpers';

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async ({ request }) => {
	expect((await request.get('/skills')).ok()).toBe(true);
});

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** Drawn boxes, not markup: what the learner sees of a chart. */
async function box(locator: Locator) {
	const found = await locator.boundingBox();
	if (!found) throw new Error(`${locator.toString()} is not drawn`);
	return found;
}

/** Each mastery bar is drawn over the share of its track that its percentage says. */
async function checkMasteryBars(page: Page) {
	const rows = page.locator('.mastery li');
	const shares: number[] = [];
	for (const row of await rows.all()) {
		const shown = (await row.locator('.row strong').innerText()).trim();
		const expected = shown === '–' ? 0 : Number(shown.replace('%', '')) / 100;
		const bar = await row.locator('.bar span').boundingBox();
		const track = await box(row.locator('.bar'));
		expect((bar?.width ?? 0) / track.width, shown).toBeCloseTo(expected, 1);
		shares.push(expected);
	}
	// Not only empty bars: a skill studied over days shows some mastery.
	expect(Math.max(...shares)).toBeGreaterThan(0.1);
}

/** Each forecast bar's drawn height is its day's count over the busiest day's, inside the chart. */
async function checkForecast(page: Page) {
	const chart = page.getByRole('img', { name: /due in the next 30 days/ });
	const frame = await box(chart);
	const bars = chart.locator('rect');
	const counts = (await bars.locator('title').allTextContents()).map((t) =>
		Number(/: (\d+) due/.exec(t)![1])
	);
	expect(counts).toHaveLength(30);
	const max = Math.max(...counts);
	expect(max).toBeGreaterThan(0);
	for (const [i, bar] of (await bars.all()).entries()) {
		const drawn = (await bar.boundingBox())?.height ?? 0;
		const count = counts[i]!;
		const expected = count === 0 ? 0 : Math.max(2 / 80, count / max);
		expect(drawn / frame.height, `day ${i}: ${count} due`).toBeCloseTo(expected, 1);
	}
	const tallest = await box(bars.nth(counts.indexOf(max)));
	// Standing on the axis (the chart's 1 px bottom border).
	expect(Math.abs(frame.y + frame.height - (tallest.y + tallest.height))).toBeLessThanOrEqual(1.5);
	expect(tallest.width).toBeGreaterThan(frame.width / 30 / 2);
}

/** The heatmap fits its card, every day drawn as a visible square; a busy day is darker. */
async function checkHeatmap(page: Page) {
	const chart = page.getByRole('img', { name: /reviews on \d+ of the last/ });
	const frame = await box(chart);
	const card = await box(page.locator('section[aria-labelledby="heatmap-heading"]'));
	expect(frame.x + frame.width).toBeLessThanOrEqual(card.x + card.width);
	const cells = chart.locator('rect');
	const boxes = await cells.evaluateAll((rects) =>
		rects.map((r) => {
			const b = r.getBoundingClientRect();
			return { w: b.width, h: b.height, x: b.x, opacity: getComputedStyle(r).fillOpacity };
		})
	);
	for (const b of boxes) {
		expect(b.w).toBeGreaterThanOrEqual(8);
		expect(b.h).toBeCloseTo(b.w, 0);
		expect(b.x + b.w).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
	}
	const today = boxes.at(-1)!;
	expect(Number(today.opacity)).toBeGreaterThan(0.25);
}

/** On /gap, each skill's level bar is drawn to its level and its target, out of 4. */
async function checkLevelBars(page: Page) {
	const gap = (await (await page.request.get('/api/gap')).json()) as {
		entries: { skillId: string; current: number; target: number }[];
	};
	expect(gap.entries.length).toBeGreaterThan(1);
	for (const e of gap.entries) {
		const entry = page.locator('li.entry', {
			has: page.locator(`a.name[href="/skills/${e.skillId}"]`)
		});
		const bar = entry.getByRole('img', { name: /: level \d of target \d$/ });
		const track = await box(bar);
		const current = (await bar.locator('.current').boundingBox())?.width ?? 0;
		const target = (await bar.locator('.target').boundingBox())?.width ?? 0;
		expect(current / track.width, `${e.skillId} level`).toBeCloseTo(e.current / 4, 1);
		expect(target / track.width, `${e.skillId} target`).toBeCloseTo(e.target / 4, 1);
	}
}

test('review settings: a bad value is shown at its field and nothing is saved; a good one is', async ({
	page
}) => {
	await register(page);
	await page.goto('/profile');
	await page.getByRole('link', { name: /Review settings/ }).click();
	await expect(page).toHaveURL(/\/settings$/);
	expect(await hasHorizontalScroll(page)).toBe(false);

	const retention = page.getByLabel('Desired retention');
	// The browser's own range check would stop the form; the server must catch it too.
	await retention.evaluate((el) => el.removeAttribute('max'));
	await retention.fill('0.99');
	await page.getByLabel('Learning steps', { exact: true }).fill('1m 1d');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByText('Enter a retention between 0.70 and 0.97.')).toBeVisible();
	await expect(page.getByText(/Use up to 5 steps/)).toBeVisible();
	await expect(page.getByLabel('Learning steps', { exact: true })).toHaveValue('1m 1d');
	let saved = await (await page.request.get('/api/settings')).json();
	expect(saved).toMatchObject({ desiredRetention: 0.9, learningSteps: ['1m', '10m'] });

	await page.getByLabel('Desired retention').fill('0.85');
	await page.getByLabel('Learning steps', { exact: true }).fill('2m 15m');
	await page.getByLabel('Time zone').selectOption('Europe/Berlin');
	await page.getByLabel('Your day starts at').selectOption('5');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Saved');
	saved = await (await page.request.get('/api/settings')).json();
	expect(saved).toMatchObject({
		desiredRetention: 0.85,
		learningSteps: ['2m', '15m'],
		timezone: 'Europe/Berlin',
		dayStartHour: 5
	});
	await expect(page.getByText(/From 400 reviews on/)).toBeVisible();
});

test('the stats page shows the streak, retention, heatmap, forecast and mastery', async ({
	page
}) => {
	await register(page);
	const reviews = [
		{ cardId: 'docker-001', rating: 3, reviewedAt: ago(90) },
		{ cardId: 'docker-001', rating: 3, reviewedAt: ago(70) },
		{ cardId: 'python-001', rating: 4, reviewedAt: ago(50) },
		{ cardId: 'python-002', rating: 4, reviewedAt: ago(50) },
		{ cardId: 'python-003', rating: 4, reviewedAt: ago(50) },
		// Studied over weeks, so mastery has something to show.
		...['docker-002', 'docker-003'].flatMap((cardId) =>
			[60, 30, 10].map((days) => ({ cardId, rating: 3, reviewedAt: ago(days * 1440) }))
		)
	].map((r) => ({ ...r, id: crypto.randomUUID(), durationMs: 3000 }));
	const res = await page.request.post('/api/reviews', { data: { reviews } });
	expect(res.status()).toBe(200);

	await page.goto('/stats');
	await expect(page.getByRole('heading', { name: 'Your reviews' })).toBeVisible();
	await expect(page.getByText('11 reviews in all.')).toBeVisible();
	// One more learner day when the 04:00 rollover falls inside the last 90 minutes.
	await expect(page.getByRole('img', { name: /11 reviews on [45] of the last/ })).toBeVisible();
	await expect(page.getByRole('img', { name: /due in the next 30 days/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Docker & containers' })).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);
	// Every bar and chart, by its drawn size.
	await checkMasteryBars(page);
	await checkForecast(page);
	await checkHeatmap(page);

	const target = await page.request.post('/api/targets', {
		data: {
			name: 'Bars',
			skills: [
				{ id: 'python', targetLevel: 3, importance: 'must' },
				{ id: 'docker', targetLevel: 2, importance: 'must' }
			]
		}
	});
	expect(target.status()).toBe(201);
	const rated = await page.request.post('/api/assessments', {
		data: { ratings: [{ skillId: 'python', level: 2 }] }
	});
	expect(rated.status()).toBe(201);
	await page.goto('/gap');
	await checkLevelBars(page);
});

test('suspended cards are listed in settings and can be resumed', async ({ page }) => {
	await register(page);
	await page.goto('/settings');
	await expect(page.getByRole('heading', { name: 'Suspended cards (0)' })).toBeVisible();

	// A card with a code block: the list must still fit a phone.
	const suspended = await page.request.post('/api/cards/docker-003/suspend', { data: {} });
	expect(suspended.status()).toBe(200);
	await page.goto('/settings');
	const section = page.locator('section[aria-labelledby="suspended-heading"]');
	await expect(section.getByRole('heading', { name: 'Suspended cards (1)' })).toBeVisible();
	await expect(section.getByText('Docker & containers')).toBeVisible();
	expect(await hasHorizontalScroll(page)).toBe(false);

	await section.getByRole('button', { name: 'Resume' }).click();
	await expect(section.getByRole('status')).toHaveText('The card is back in your reviews.');
	await expect(section.getByRole('heading', { name: 'Suspended cards (0)' })).toBeVisible();
	const exported = (await (await page.request.get('/api/export')).json()) as {
		tables: { card_state: { card_id: string; suspended: boolean | number }[] };
	};
	const row = exported.tables.card_state.find((r) => r.card_id === 'docker-003');
	expect(row).toBeDefined();
	expect(Boolean(row!.suspended)).toBe(false);
});
