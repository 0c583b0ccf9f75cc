// Reviews against the real server: every rating is stored exactly once, whether it was made
// offline, retried after a lost response, sent from two tabs, or held back by an expired
// session. The count comes from GET /api/export (the learner's whole review log).
import { expect, test, type Page } from '@playwright/test';
import { PASSWORD } from './helpers';
import { signUp } from './review-helpers';

interface LogRow {
	id: string;
	card_id: string;
	rating: number;
}
interface StateRow {
	card_id: string;
	reps: number;
}

/** Personal cards are a fresh learner's first new cards: a queue we fully know. */
async function seedCards(page: Page, count: number): Promise<string[]> {
	const tag = Math.random().toString(36).slice(2, 8);
	const ids: string[] = [];
	for (let i = 1; i <= count; i += 1) {
		const response = await page.request.post('/api/cards', {
			data: { skillId: 'python', level: 1, front: `Card ${i} (${tag})?`, back: `Answer ${i}.` }
		});
		expect(response.status()).toBe(201);
		ids.push(((await response.json()) as { id: string }).id);
	}
	return ids;
}

async function reviewLog(page: Page) {
	const response = await page.request.get('/api/export');
	expect(response.ok()).toBe(true);
	const doc = (await response.json()) as {
		tables: { review_log: LogRow[]; card_state: StateRow[] };
	};
	return { log: doc.tables.review_log, states: doc.tables.card_state };
}

const gradeButton = (page: Page, name: string) =>
	page.getByRole('group', { name: 'How well did you remember?' }).getByRole('button', {
		name: new RegExp(`^${name}`)
	});
const progress = (page: Page) => page.locator('.progress-text');
const syncLine = (page: Page) => page.locator('.sync');
const front = (page: Page) => page.locator('.review-card .face').first();

/** Opens the review page and waits until it is interactive. */
async function openReview(page: Page) {
	await page.goto('/review');
	await expect(page.locator('.review[data-ready]')).toBeAttached();
}

async function grade(page: Page, name: 'Again' | 'Hard' | 'Good' | 'Easy') {
	await page.keyboard.press('Space');
	await gradeButton(page, name).click();
}

test.describe('against the server, without a service worker', () => {
	test.use({ serviceWorkers: 'block' });

	test('a full session by taps or keys stores each rating once', async ({ page, isMobile }) => {
		await signUp(page);
		const ids = await seedCards(page, 3);
		await openReview(page);
		await expect(progress(page)).toHaveText('3 left · 0 done today');
		await expect(front(page)).toHaveText(/Card 1/);

		// Good on a new card is a 10-minute learning step: it comes back in this session.
		if (isMobile) {
			await page.locator('.review-card').tap();
			await gradeButton(page, 'Good').tap();
		} else {
			await page.keyboard.press('Space');
			await page.keyboard.press('3');
		}
		await expect(progress(page)).toHaveText('3 left · 1 done today');
		for (const n of [2, 3, 1]) {
			await expect(front(page)).toHaveText(new RegExp(`Card ${n} `));
			if (isMobile) {
				await page.locator('.review-card').tap();
				await gradeButton(page, 'Easy').tap();
			} else {
				await page.keyboard.press('Space');
				// The returned card shows what its next ratings give, known before any sync.
				await expect(gradeButton(page, 'Easy')).toHaveAccessibleName(/^Easy, next in \d+d$/);
				await page.keyboard.press('4');
			}
		}
		await expect(page.getByRole('heading', { name: 'All done for today' })).toBeVisible();
		await expect(progress(page)).toHaveText('0 left · 4 done today');
		await expect(syncLine(page)).toHaveText('');

		const { log, states } = await reviewLog(page);
		expect(log.map((r) => [r.card_id, r.rating])).toEqual(
			expect.arrayContaining([
				[ids[0], 3],
				[ids[1], 4],
				[ids[2], 4],
				[ids[0], 4]
			])
		);
		expect(log).toHaveLength(4);
		expect(new Set(log.map((r) => r.id)).size).toBe(4);
		expect(states.find((s) => s.card_id === ids[0])?.reps).toBe(2);
	});

	test('from the address bar Review runs as its own small island; a tap in the app renders it in SvelteKit', async ({
		page
	}) => {
		await signUp(page);
		// A card that tries to end the element the island's data travels in.
		const hostile = 'Card 1 </script><script>window.owned = 1</script><!-- ?';
		const created = await page.request.post('/api/cards', {
			data: { skillId: 'python', level: 1, front: hostile, back: 'Answer 1.' }
		});
		expect(created.ok()).toBe(true);
		await seedCards(page, 1);
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});

		// The island replaces the server's HTML with the live screen: nothing may move.
		await page.addInitScript(() => {
			const shifts: number[] = [];
			Object.assign(window, { shifts });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					shifts.push((entry as { value?: number }).value ?? 0);
			}).observe({ type: 'layout-shift', buffered: true });
		});

		await openReview(page);
		expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual(
			[]
		);
		expect(scripts).toContain('/_app/review.js');
		expect(scripts.filter((path) => path.includes('/entry/'))).toEqual([]);
		await expect(front(page)).toHaveText(/Card 1 <\/script><script>window.owned = 1/);
		expect(await page.evaluate(() => 'owned' in window)).toBe(false);
		await grade(page, 'Easy');
		await expect(front(page)).toHaveText(/Card 1 \(/);

		// Its links are plain loads; from Today, a tap stays in SvelteKit's client, island-free.
		const nav = page.getByRole('navigation', { name: 'Main' }).locator('visible=true');
		await nav.getByRole('link', { name: 'Today' }).click();
		await expect(page).toHaveURL(/\/today$/);
		await page.waitForLoadState('networkidle');
		scripts.length = 0;
		const documents: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'document') documents.push(request.url());
		});
		await nav.getByRole('link', { name: 'Review' }).click();
		await expect(page.locator('.review[data-ready]')).toBeAttached();
		await expect(front(page)).toHaveText(/Card 1 \(/);
		await expect(progress(page)).toHaveText('1 left · 1 done today');
		expect(documents).toEqual([]);
		expect(scripts).not.toContain('/_app/review.js');
		await grade(page, 'Easy');
		await expect(page.getByRole('heading', { name: 'All done for today' })).toBeVisible();
		await expect.poll(async () => (await reviewLog(page)).log.length).toBe(2);
	});

	test('a review whose response is lost after the server stored it is retried, not doubled', async ({
		page
	}) => {
		await signUp(page);
		const [id] = await seedCards(page, 2);
		const statuses: string[] = [];
		let calls = 0;
		await page.route('**/api/reviews', async (route) => {
			calls += 1;
			const response = await route.fetch();
			if (calls === 1) {
				// The server has committed the review; the phone never hears back.
				statuses.push(`lost ${response.status()}`);
				return route.abort('connectionreset');
			}
			const body = (await response.json()) as { results: { status: string }[] };
			statuses.push(...body.results.map((r) => r.status));
			return route.fulfill({ response });
		});
		await openReview(page);
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText(/1 waiting to sync/);
		// The backoff retry sends the same id again; the server recognises it.
		await expect.poll(() => statuses, { timeout: 15_000 }).toEqual(['lost 200', 'duplicate']);
		await expect(syncLine(page)).toHaveText('');
		const { log, states } = await reviewLog(page);
		expect(log.map((r) => r.card_id)).toEqual([id]);
		expect(states.find((s) => s.card_id === id)?.reps).toBe(1);
	});

	test('undo of a synced rating removes it from the server', async ({ page }) => {
		await signUp(page);
		const [first] = await seedCards(page, 2);
		await openReview(page);
		await grade(page, 'Easy');
		await expect.poll(async () => (await reviewLog(page)).log.length).toBe(1);
		await page.getByRole('button', { name: 'Undo' }).click();
		await expect(front(page)).toHaveText(/Card 1 /);
		await expect(progress(page)).toHaveText('2 left · 0 done today');
		await expect.poll(async () => (await reviewLog(page)).log.length).toBe(0);
		await grade(page, 'Good');
		await expect
			.poll(async () => (await reviewLog(page)).log.map((r) => [r.card_id, r.rating]))
			.toEqual([[first, 3]]);
	});

	test('two tabs on the same queue never apply a card twice', async ({ page, context }) => {
		await signUp(page);
		const ids = await seedCards(page, 4);
		const other = await context.newPage();
		await openReview(page);
		await openReview(other);
		await expect(front(other)).toHaveText(/Card 1 /);

		// Rated in one tab, the card leaves the other tab's queue at once.
		await grade(page, 'Easy');
		await expect(front(other)).toHaveText(/Card 2 /);
		await expect(progress(other)).toHaveText('3 left · 0 done today');
		await expect.poll(async () => (await reviewLog(page)).log.length).toBe(1);

		// Offline, both tabs queue into the one outbox; back online both flush it at once.
		await context.setOffline(true);
		await grade(other, 'Easy');
		await expect(front(page)).toHaveText(/Card 3 /);
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText(/2 waiting to sync/);
		await context.setOffline(false);
		await expect(syncLine(page)).toHaveText('');
		await expect(syncLine(other)).toHaveText('');

		const { log, states } = await reviewLog(page);
		expect(log.map((r) => r.card_id).sort()).toEqual(ids.slice(0, 3).sort());
		for (const cardId of ids.slice(0, 3)) {
			expect(states.find((s) => s.card_id === cardId)?.reps).toBe(1);
		}
	});

	test('offline without a service worker, the queue saved on the device runs the session', async ({
		page,
		context
	}) => {
		await signUp(page);
		const ids = await seedCards(page, 3);
		await openReview(page);
		await grade(page, 'Easy');
		await expect.poll(async () => (await reviewLog(page)).log.length).toBe(1);
		await page
			.getByRole('navigation', { name: 'Main' })
			.locator('visible=true')
			.getByRole('link', { name: 'Today' })
			.click();
		await expect(page).toHaveURL(/\/today$/);
		// Review opened from the address bar runs without SvelteKit's client, so Today is a fresh
		// load: with no service worker to hold Review's code, it loads that code itself.
		await expect(page.locator('html[data-review-code="loaded"]')).toBeAttached({ timeout: 15_000 });

		await context.setOffline(true);
		await page
			.getByRole('navigation', { name: 'Main' })
			.locator('visible=true')
			.getByRole('link', { name: 'Review' })
			.click();
		await expect(front(page)).toHaveText(/Card 2 /);
		await expect(progress(page)).toHaveText('2 left · 1 done today');
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText(/1 waiting to sync/);
		await context.setOffline(false);
		await expect(syncLine(page)).toHaveText('');
		const { log } = await reviewLog(page);
		expect(log.map((r) => r.card_id).sort()).toEqual(ids.slice(0, 2).sort());
	});

	test('an expired session keeps reviews queued until the learner signs in again', async ({
		page,
		context
	}) => {
		const { username } = await signUp(page);
		const ids = await seedCards(page, 3);
		await openReview(page);
		await context.clearCookies();
		await grade(page, 'Easy');
		await grade(page, 'Easy');
		const signIn = page.getByRole('link', { name: 'Sign in again to sync 2 reviews' });
		await expect(signIn).toBeVisible();
		// Still queued on the device, not dropped the way a stock background-sync queue would.
		await page.reload();
		await expect(page).toHaveURL(/\/login\?next=%2Freview$/);

		await page.getByLabel('Username').fill(username);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Log in' }).click();
		await expect(page).toHaveURL(/\/review$/);
		await expect(progress(page)).toHaveText('1 left · 2 done today');
		await expect(syncLine(page)).toHaveText('');
		// The queue is sent after the page is back, not before the line clears: wait for it.
		await expect
			.poll(async () => (await reviewLog(page)).log.map((r) => r.card_id).sort())
			.toEqual(ids.slice(0, 2).sort());
	});
});

test.describe('offline, with the service worker', () => {
	test.describe.configure({ timeout: 90_000 });

	async function controlledBySw(page: Page) {
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r));
			}
		});
		// The worker stores the review page and the queue when it activates.
		await expect
			.poll(() => page.evaluate(async () => Boolean(await caches.match('/review'))))
			.toBe(true);
	}

	test('offline mid-session: reviews wait on the device and are stored exactly once', async ({
		page,
		context
	}) => {
		await signUp(page);
		const ids = await seedCards(page, 6);
		await openReview(page);
		await controlledBySw(page);
		// Load once more through the worker, so its copy of the page holds all six cards.
		await page.reload();
		await expect(page.locator('.review[data-ready]')).toBeAttached();
		await expect(progress(page)).toHaveText('6 left · 0 done today');

		await grade(page, 'Easy');
		await expect.poll(async () => (await reviewLog(page)).log.length).toBe(1);

		await context.setOffline(true);
		await grade(page, 'Easy');
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText('2 waiting to sync · offline');

		// A reload without signal: the page comes from the service worker's copy (made before
		// any of these ratings) and the device's journal takes the rated cards out again.
		await page.reload();
		await expect(page.locator('.review[data-ready]')).toBeAttached();
		await expect(progress(page)).toHaveText('3 left · 3 done today');
		await expect(front(page)).toHaveText(/Card 4 /);
		await expect(syncLine(page)).toHaveText(/2 waiting to sync/);
		await grade(page, 'Easy');
		await expect(syncLine(page)).toHaveText(/3 waiting to sync/);

		await context.setOffline(false);
		await expect(syncLine(page)).toHaveText('');
		const { log, states } = await reviewLog(page);
		expect(log.map((r) => r.card_id).sort()).toEqual(ids.slice(0, 4).sort());
		expect(new Set(log.map((r) => r.id)).size).toBe(4);
		for (const cardId of ids.slice(0, 4)) {
			expect(states.find((s) => s.card_id === cardId)?.reps).toBe(1);
		}
	});

	test('signing out drops the cached pages and queue', async ({ page, context }) => {
		await signUp(page);
		await seedCards(page, 2);
		await openReview(page);
		await controlledBySw(page);
		await page.goto('/profile');
		await page.getByRole('button', { name: 'Log out' }).click();
		await expect(page).toHaveURL(/\/login$/);
		expect(await page.evaluate(async () => Boolean(await caches.match('/review')))).toBe(false);
		// Offline, the next person on this phone gets an offline notice, not the last learner's cards.
		await context.setOffline(true);
		await page.goto('/review').catch(() => undefined);
		await expect(page.getByRole('heading', { name: 'You are offline' })).toBeVisible();
		await expect(page.getByText('Card 1')).toHaveCount(0);
	});
});
