// The review screen against a fake queue (fixed cards: code, cloze, personal): taps and keys,
// no layout shift, code on a 360 px phone, undo, the 401 path, and grade → next-card timing.
// The exactly-once tests against the real server are in review.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import { hasHorizontalScroll } from './helpers';
import { signUp } from './review-helpers';
import { acknowledge, installFakeServer } from './review-fake';

// The fake answers in the page's context; a service worker would fetch past it.
test.use({ serviceWorkers: 'block' });

async function openReview(page: Page) {
	await signUp(page);
	await page.goto('/today');
	// Hydrated (every module loaded) before the click, so the navigation stays in the browser:
	// the queue is then fetched by the page, where the fake answers.
	await page.waitForLoadState('networkidle');
	const nav = page.getByRole('navigation', { name: 'Main' }).locator('visible=true');
	await nav.getByRole('link', { name: 'Review' }).click();
	await expect(page).toHaveURL(/\/review$/);
	await expect(page.locator('.review-card')).toBeVisible();
}

const showAnswer = (page: Page) => page.getByRole('button', { name: /^Show answer/ });
const gradeButton = (page: Page, name: string) =>
	page.getByRole('group', { name: 'How well did you remember?' }).getByRole('button', {
		name: new RegExp(`^${name}`)
	});
const progress = (page: Page) => page.locator('.progress-text');

test(
	'a full session by taps on a phone, or by keys on a desktop',
	{ tag: '@desktop' },
	async ({ page, context, isMobile }) => {
		const server = await installFakeServer(context, 4);
		await openReview(page);
		await expect(progress(page)).toHaveText('4 left · 0 done today');

		if (isMobile) {
			// Tap anywhere on the card shows the answer; grades sit in the thumb zone.
			await page.locator('.review-card').tap();
			await expect(gradeButton(page, 'Good')).toHaveAccessibleName('Good, next in 3d');
			// The grades sit right above the bottom navigation, where the thumb rests.
			const bar = await page.locator('.grade-bar').boundingBox();
			expect(bar!.y + bar!.height).toBeCloseTo(844 - 64, -1);
			for (const grade of ['Good', 'Easy', 'Hard', 'Good']) {
				if (!(await gradeButton(page, grade).isVisible())) await showAnswer(page).tap();
				await gradeButton(page, grade).tap();
			}
		} else {
			for (const key of ['3', '4', '2', '3']) {
				await page.keyboard.press('Space');
				await expect(gradeButton(page, 'Again')).toBeVisible();
				await page.keyboard.press(key);
			}
		}

		await expect(page.getByRole('heading', { name: 'All done for today' })).toBeVisible();
		await expect(progress(page)).toHaveText('0 left · 4 done today');
		// The queue's streak of 4 days, and today now counts too.
		await expect(page.getByText('5 days')).toBeVisible();
		await expect.poll(() => server.stored.size).toBe(4);
		const ratings = [...server.stored.values()].map((r) => r.rating);
		expect(ratings).toEqual([3, 4, 2, 3]);
		for (const review of server.stored.values()) {
			expect(review.id).toMatch(/^[0-9a-f-]{36}$/);
			expect(Date.parse(review.reviewedAt)).toBeGreaterThan(Date.now() - 60_000);
		}
		await expect(page.locator('.sync')).toHaveText('');
	}
);

test(
	'showing the answer moves nothing on the screen',
	{ tag: '@desktop' },
	async ({ page, context, isMobile }) => {
		await installFakeServer(context, 4);
		await openReview(page);
		await page.evaluate(() => {
			const w = window as unknown as { shifts: number };
			w.shifts = 0;
			// Every shift counts here, even right after input (CLS itself forgives those).
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					w.shifts += (entry as unknown as { value: number }).value;
			}).observe({ type: 'layout-shift', buffered: false });
		});
		const boxes = () =>
			page.evaluate(() =>
				['.review-card', '.grade-bar', '.progress-text', 'h1'].map((s) => {
					const r = document.querySelector(s)!.getBoundingClientRect();
					return [s, Math.round(r.top), Math.round(r.height), Math.round(r.width)];
				})
			);
		// The first card is code, the second a cloze whose back replaces the front.
		for (let card = 0; card < 2; card += 1) {
			const before = await boxes();
			if (isMobile) await page.locator('.review-card').tap();
			else await page.keyboard.press('Space');
			await expect(gradeButton(page, 'Good')).toBeVisible();
			await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
			expect(await boxes()).toEqual(before);
			await gradeButton(page, 'Good').click();
		}
		expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
	}
);

test('the next card waits built and hidden: a grade shows it rather than building it', async ({
	page,
	context
}) => {
	await installFakeServer(context, 4);
	await openReview(page);
	const spare = page.locator('article.offstage');
	await expect(spare).toBeAttached();
	// Out of sight, of the accessibility tree and of the layout: one card is there to read.
	await expect(spare).toBeHidden();
	await expect(spare).toHaveAttribute('inert', '');
	await expect(page.getByRole('article')).toHaveCount(1);
	expect(await spare.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(40);
	await expect(spare.locator('.face').first()).toContainText('test double');
	// The very element laid out hidden becomes the card on screen.
	await spare.evaluate((el) => ((el as unknown as { probe: boolean }).probe = true));
	await showAnswer(page).click();
	await gradeButton(page, 'Good').click();
	await expect(page.locator('.review-card .face').first()).toContainText('test double');
	expect(
		await page
			.locator('.review-card')
			.evaluate((el) => (el as unknown as { probe?: boolean }).probe === true)
	).toBe(true);
	await expect(page.locator('.review-card')).toBeVisible();
	// The graded card leaves the page once the next is painted; the one after is laid out.
	await expect(spare).toHaveCount(1);
	await expect(spare.locator('.face').first()).toContainText('lru_cache');
});

test('code stays readable on a 360 px phone: it scrolls inside its block only', async ({
	page,
	context
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await installFakeServer(context, 4);
	await openReview(page);
	const pre = page.locator('.review-card pre').first();
	await expect(pre).toBeVisible();
	const metrics = await pre.evaluate((el) => ({
		scrolls: el.scrollWidth > el.clientWidth,
		overflowX: getComputedStyle(el).overflowX,
		fontSize: parseFloat(getComputedStyle(el).fontSize),
		right: el.getBoundingClientRect().right
	}));
	expect(metrics.scrolls).toBe(true);
	expect(metrics.overflowX).toBe('auto');
	expect(metrics.fontSize).toBeGreaterThanOrEqual(12);
	expect(metrics.right).toBeLessThanOrEqual(360);
	expect(await hasHorizontalScroll(page)).toBe(false);
});

test('undo brings the card back; an unsynced rating is never sent', async ({ page, context }) => {
	const server = await installFakeServer(context, 4);
	// Hold the first upload so the rating is still in the outbox when it is undone.
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	server.reviews = async (route, body) => {
		await held;
		await route.abort('internetdisconnected');
		void body;
	};
	await openReview(page);
	const firstFront = await page.locator('.review-card .face').first().innerText();
	await page.keyboard.press('Space');
	await page.keyboard.press('3');
	await expect(progress(page)).toHaveText('3 left · 1 done today');
	await page.keyboard.press('u');
	await expect(progress(page)).toHaveText('4 left · 0 done today');
	await expect(page.locator('.review-card .face').first()).toHaveText(firstFront);
	release();
	await expect(page.locator('.sync')).toHaveText('');
	expect(server.stored.size).toBe(0);
});

/** Review ratings in this page's outbox (IndexedDB), whatever their sync state. */
function outboxRatings(page: Page) {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('gapwise');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const all = open.result.transaction('journal').objectStore('journal').getAll();
					all.onerror = () => reject(all.error);
					all.onsuccess = () => {
						open.result.close();
						resolve((all.result as { kind: string }[]).filter((e) => e.kind === 'review').length);
					};
				};
			})
	);
}

test('a rating made as the page is hidden is written at once, not at the next frame', async ({
	page,
	context
}) => {
	await installFakeServer(context, 4);
	await openReview(page);
	await page.keyboard.press('Space');
	await expect(gradeButton(page, 'Good')).toBeVisible();
	// A hidden page gets no frames (the learner switched apps right after the tap).
	await page.evaluate(() => (window.requestAnimationFrame = () => 0));
	await page.keyboard.press('3');
	await expect(progress(page)).toHaveText('3 left · 1 done today');
	// The write waits for the frame that shows the next card…
	await page.waitForTimeout(300);
	expect(await outboxRatings(page)).toBe(0);
	// …unless the page is hidden first.
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect.poll(() => outboxRatings(page)).toBe(1);
});

test('a synced rating is undone on the server', async ({ page, context }) => {
	const server = await installFakeServer(context, 4);
	await openReview(page);
	await page.keyboard.press('Space');
	await page.keyboard.press('4');
	await expect.poll(() => server.stored.size).toBe(1);
	const [id] = [...server.stored.keys()];
	await page.getByRole('button', { name: 'Undo' }).click();
	await expect.poll(() => server.undone).toEqual([id]);
	await expect(progress(page)).toHaveText('4 left · 0 done today');
});

test('a 401 keeps reviews queued and asks to sign in again', async ({ page, context }) => {
	const server = await installFakeServer(context, 4);
	let expired = true;
	server.reviews = async (route, body) => {
		if (expired) return route.fulfill({ status: 401, json: { message: 'Sign in to continue.' } });
		return route.fulfill({ json: acknowledge(server, body) });
	};
	await openReview(page);
	for (const key of ['3', '1']) {
		await page.keyboard.press('Space');
		await page.keyboard.press(key);
	}
	await expect(page.getByRole('link', { name: 'Sign in again to sync 2 reviews' })).toBeVisible();
	expect(server.stored.size).toBe(0);
	// A new session (here: the server accepting again) and any flush trigger sends them.
	expired = false;
	await page.reload();
	await expect.poll(() => server.stored.size).toBe(2);
	await expect(page.locator('.sync')).toHaveText('');
});

test('bury and suspend take the card out of the session', async ({ page, context }) => {
	await installFakeServer(context, 4);
	const calls: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/api/cards/')) calls.push(new URL(r.url()).pathname);
	});
	await openReview(page);
	await page.getByText('More').click();
	await page.getByRole('button', { name: 'Bury until tomorrow' }).click();
	await expect(progress(page)).toHaveText('3 left · 0 done today');
	await page.getByText('More').click();
	await page.getByRole('button', { name: 'Suspend card' }).click();
	await expect(progress(page)).toHaveText('2 left · 0 done today');
	// The third card is personal: it can be edited from the session.
	await page.getByText('More').click();
	await expect(page.getByRole('link', { name: 'Edit card' })).toHaveAttribute(
		'href',
		/\/cards\/pc_[^/]+\/edit$/
	);
	await expect
		.poll(() => calls)
		.toEqual(['/api/cards/docker-005/bury', '/api/cards/software-testing-cloze/suspend']);
});

test('a card that turns into a leech asks for a rewrite (own card) or the resources (built-in)', async ({
	page,
	context
}) => {
	const server = await installFakeServer(context, 4);
	server.reviews = async (route, body) => {
		const answer = acknowledge(server, body);
		for (const result of answer.results) {
			Object.assign(result.card, { leech: true, suspended: true, previews: [] });
		}
		await route.fulfill({ json: answer });
	};
	await openReview(page);
	await page.keyboard.press('Space');
	await page.keyboard.press('1');
	const prompt = page.getByRole('alert').filter({ hasText: 'This card keeps slipping' });
	await expect(prompt.getByRole('link', { name: 'Revisit docker resources' })).toHaveAttribute(
		'href',
		'/skills/docker#resources'
	);
	await prompt.getByRole('button', { name: 'Later' }).click();
	await expect(prompt).toHaveCount(0);
	for (const key of ['Space', '1', 'Space', '1']) await page.keyboard.press(key);
	await expect(prompt.getByRole('link', { name: 'Rewrite or split it' })).toHaveAttribute(
		'href',
		/^\/cards\/pc_[^/]+\/edit$/
	);
});

test('grade → next card is painted without waiting for the network', async ({
	page,
	context
}, testInfo) => {
	test.setTimeout(120_000);
	const server = await installFakeServer(context, 24);
	// A slow network must not slow the session down.
	server.reviews = async (route, body) => {
		await new Promise((r) => setTimeout(r, 1500));
		await route.fulfill({ json: acknowledge(server, body) }).catch(() => undefined);
	};
	await openReview(page);
	for (let i = 0; i < 20; i += 1) {
		await page.keyboard.press('Space');
		await expect(gradeButton(page, 'Good')).toBeVisible();
		await page.keyboard.press(i % 4 === 0 ? '2' : '3');
		await expect(progress(page)).toContainText(`${i + 1} done`);
	}
	await page.waitForTimeout(100);
	const times = await page.evaluate(() => {
		const grades = performance.getEntriesByName('grade');
		const painted = performance.getEntriesByName('next-card-painted');
		return grades.map((g, i) => painted[i]!.startTime - g.startTime);
	});
	expect(times).toHaveLength(20);
	const sorted = [...times].sort((a, b) => a - b);
	const median = sorted[10]!;
	testInfo.annotations.push({ type: 'grade→next-card median ms', description: median.toFixed(1) });
	console.log(
		`[${testInfo.project.name}] grade → next card painted: median ${median.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`
	);
	expect(median).toBeLessThan(100);
});

test('a quick second tap on "Show answer" does not also grade the card', async ({
	page,
	context,
	isMobile
}) => {
	test.skip(!isMobile, 'a double tap is a phone gesture');
	await installFakeServer(context, 2);
	// The grades take taps 150 ms after they appear: a fake clock holds that moment still, so
	// the second tap lands inside it however slow the machine running the test is.
	await page.clock.install();
	await openReview(page);
	await expect(progress(page)).toHaveText('2 left · 0 done today');
	await showAnswer(page).tap();
	await gradeButton(page, 'Good').tap({ force: true });
	await expect(progress(page)).toHaveText('2 left · 0 done today');
	await page.clock.runFor(200);
	await gradeButton(page, 'Good').tap();
	await expect(progress(page)).toHaveText(/1 done today/);
});
