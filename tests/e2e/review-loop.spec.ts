// The daily loop on a phone, against the real server: Review and Today open offline whatever
// path led there, the numbers on Review, Today and GET /api/queue agree (what waits on the
// device counted once), and the done screen is right the first time.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { register } from './helpers';
import { signUp } from './review-helpers';

test.describe.configure({ timeout: 90_000 });
test.skip(({ isMobile }) => !isMobile, 'A phone journey: the desktop layout adds nothing here.');

interface Queue {
	doneToday: number;
	streak: number;
	tomorrow: number;
	timezone: string;
	later: number;
	nextDue: string | null;
	counts: { due: number; new: number };
}

async function seedCards(page: Page, count: number) {
	const tag = Math.random().toString(36).slice(2, 8);
	for (let i = 1; i <= count; i += 1) {
		const response = await page.request.post('/api/cards', {
			data: { skillId: 'python', level: 1, front: `Card ${i} (${tag})?`, back: `Answer ${i}.` }
		});
		expect(response.status()).toBe(201);
	}
}

/** Learning steps as given, and a day that rolls over twelve hours from now (never mid-test). */
async function settings(page: Page, learningSteps = '1m 10m') {
	const dayStartHour = String((new Date().getUTCHours() + 12) % 24);
	const response = await page.request.put('/api/settings', {
		data: { timezone: 'UTC', dayStartHour, learningSteps }
	});
	expect(response.status()).toBe(200);
}

async function apiQueue(page: Page): Promise<Queue> {
	const response = await page.request.get('/api/queue');
	expect(response.ok()).toBe(true);
	return (await response.json()) as Queue;
}

/** "14:10" in the learner's time zone, as the pages write it. */
function clock(iso: string, timeZone: string) {
	return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(
		new Date(iso)
	);
}

const nav = (page: Page, name: string) =>
	page
		.getByRole('navigation', { name: 'Main' })
		.locator('visible=true')
		.getByRole('link', { name });
const progress = (page: Page) => page.locator('.progress-text');
const syncLine = (page: Page) => page.locator('.sync');
const front = (page: Page) => page.locator('.review-card .face').first();
const reviews = (page: Page) => page.locator('section[aria-labelledby="reviews-heading"]');

async function openReview(page: Page) {
	await page.goto('/review');
	await expect(page.locator('.review[data-ready]')).toBeAttached();
}

async function grade(page: Page, name: 'Again' | 'Hard' | 'Good' | 'Easy') {
	await page.locator('.review-card').tap();
	await page
		.getByRole('group', { name: 'How well did you remember?' })
		.getByRole('button', { name: new RegExp(`^${name}`) })
		.tap();
}

/** Boxes of everything visible in the page's content that `cover` overlaps. */
async function covered(page: Page, cover: Locator) {
	const box = await cover.boundingBox();
	expect(box).not.toBeNull();
	return page.locator('main :is(h1, h2, p, li, a, button)').evaluateAll(
		(elements, c) =>
			elements
				.filter((el) => !el.closest('.sync-badge') && el.getClientRects().length > 0)
				.map((el) => ({ text: el.textContent?.trim().slice(0, 40), r: el.getBoundingClientRect() }))
				.filter(
					({ r }) =>
						r.width > 0 &&
						r.left < c.x + c.width &&
						c.x < r.right &&
						r.top < c.y + c.height &&
						c.y < r.bottom
				)
				.map(({ text }) => text),
		box!
	);
}

test.describe('without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('after a sync, Review, Today and the queue agree; cards due later today say when', async ({
		page
	}) => {
		await signUp(page);
		// Good on a new card is a 30-minute step: due later today, not now.
		await settings(page, '1m 30m');
		await seedCards(page, 3);
		await openReview(page);
		await expect(progress(page)).toHaveText('3 left · 0 done today');
		await grade(page, 'Good');
		await expect(progress(page)).toHaveText('2 left · 1 done today');
		await grade(page, 'Good');
		await grade(page, 'Again'); // back in a minute: shown again in this session
		await expect(progress(page)).toHaveText('1 left · 3 done today');
		await grade(page, 'Good');
		await expect(progress(page)).toHaveText('0 left · 4 done today');
		await expect(syncLine(page)).toHaveText('');

		const queue = await apiQueue(page);
		expect(queue).toMatchObject({ doneToday: 4, counts: { due: 0, new: 0 }, later: 3 });
		const next = clock(queue.nextDue!, queue.timezone);
		await expect(page.getByRole('heading', { name: `Next card at ${next}` })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'All done for today' })).toHaveCount(0);

		// Today, reached by tapping, says the same; so does Review reached by tapping back (the
		// synced ratings were once counted twice there, and their cards dropped).
		await nav(page, 'Today').tap();
		await expect(reviews(page)).toContainText('Nothing due right now');
		await expect(reviews(page)).toContainText(`3 later today, the next at ${next}`);
		await expect(reviews(page)).toContainText('4 reviewed today');
		await nav(page, 'Review').tap();
		await expect(page.getByRole('heading', { name: `Next card at ${next}` })).toBeVisible();
		await expect(progress(page)).toHaveText('0 left · 4 done today');
	});

	test('the done screen gives the streak and tomorrow’s cards right away, offline included', async ({
		page,
		context
	}) => {
		await signUp(page);
		await settings(page);
		await seedCards(page, 3);
		await openReview(page);
		await grade(page, 'Again'); // card 1 comes back after the others
		await grade(page, 'Easy'); // card 2: next week
		await expect(syncLine(page)).toHaveText('');
		await context.setOffline(true);
		await grade(page, 'Good'); // card 3: ten minutes, back in this session
		await expect(front(page)).toHaveText(/Card 1 /);
		await grade(page, 'Easy'); // card 1 again: tomorrow
		await grade(page, 'Good'); // card 3 again: in two days
		const done = page.getByRole('region', { name: 'All done for today' });
		await expect(done).toContainText('Streak 1 day');
		await expect(done).toContainText('Tomorrow 1 card due');
		await expect(syncLine(page)).toHaveText(/3 waiting to sync/);

		await context.setOffline(false);
		await expect(syncLine(page)).toHaveText('');
		expect(await apiQueue(page)).toMatchObject({ doneToday: 5, streak: 1, tomorrow: 1 });
		await page.reload();
		await expect(done).toContainText('Streak 1 day');
		await expect(done).toContainText('Tomorrow 1 card due');
	});

	test('the sync pill never covers what the page shows, wherever it is scrolled', async ({
		page
	}) => {
		await signUp(page);
		// A target makes Today long: the current step and its new cards.
		const target = await page.request.post('/api/targets', {
			data: { name: 'Junior MLE', roleId: 'junior-mle' }
		});
		expect(target.status()).toBe(201);
		await seedCards(page, 2);
		// The server never answers: the rating waits on the device.
		await page.route('**/api/reviews', (route) => route.abort('internetdisconnected'));
		await openReview(page);
		await grade(page, 'Easy');
		await nav(page, 'Today').tap();
		const pill = page.locator('.sync-badge');
		await expect(pill).toHaveText(/1 waiting to sync/);
		const scroll = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
		expect(scroll).toBeGreaterThan(300);
		for (let y = 0; y <= scroll + 150; y += 150) {
			await page.evaluate((top) => window.scrollTo(0, top), y);
			expect(await covered(page, pill), `scrolled to ${y}`).toEqual([]);
		}
	});
});

test.describe('with the service worker', () => {
	async function controlled(page: Page) {
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
			}
		});
	}

	test('Review and Today open offline after visits by tapping; other pages say what waits', async ({
		page,
		context
	}) => {
		await page.goto('/register');
		await controlled(page);
		await register(page);
		await seedCards(page, 3);
		await nav(page, 'Review').tap();
		await expect(front(page)).toHaveText(/Card 1 /);
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText('');
		// The worker keeps Review and Today from the sign-in on; let it finish (or time out).
		await expect
			.poll(() => page.evaluate(async () => Boolean(await caches.match('/review'))), {
				timeout: 15_000
			})
			.toBe(true)
			.catch(() => undefined);

		await context.setOffline(true);
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText('1 waiting to sync · offline');
		await page.reload();
		await expect(page.locator('.review[data-ready]')).toBeAttached();
		await expect(progress(page)).toHaveText('1 left · 2 done today');
		await expect(front(page)).toHaveText(/Card 3 /);
		await page.screenshot({ path: test.info().outputPath('review-after-offline-reload.png') });

		// Today, offline: the same numbers, the time they are from, and a pill that hides nothing.
		await nav(page, 'Today').tap();
		await expect(reviews(page)).toContainText('0 due and 1 new');
		await expect(reviews(page)).toContainText('2 reviewed today');
		await expect(page.getByText(/^As of \d\d:\d\d · offline/)).toBeVisible();
		const pill = page.locator('.sync-badge');
		await expect(pill).toHaveText(/1 waiting to sync/);
		expect(await covered(page, pill)).toEqual([]);
		await page.screenshot({ path: test.info().outputPath('today-offline.png') });
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		expect(await covered(page, pill)).toEqual([]);

		// A page never kept on the device: the app's own offline page, with what waits.
		await page.goto('/plan').catch(() => undefined);
		await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
		await expect(page.getByText('1 rating is waiting on this device')).toBeVisible();
		const look = await page.evaluate(() => ({
			background: getComputedStyle(document.body).backgroundColor,
			radius: getComputedStyle(document.querySelector('.card')!).borderRadius
		}));
		expect(look).toEqual({ background: 'rgb(248, 250, 252)', radius: '12px' });
		await page.screenshot({ path: test.info().outputPath('offline-page.png') });
		await page.getByRole('link', { name: 'Today' }).tap();
		await expect(page).toHaveURL(/\/today$/);
		await expect(reviews(page)).toContainText('0 due and 1 new');
	});
});
