// Benchmark 5: tap a grade → next card painted, on a phone profile with 4× CPU slowdown,
// read from the review page's performance marks; the same taps' interaction duration from the
// Event Timing API (what INP is made of); and Largest Contentful Paint.
import { launch, signedInContext } from './browser.js';
import { summary } from './stats.js';

async function throttled(context, page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	return cdp;
}

export async function benchGradeToNextCard({ origin, token, grades = 30 }) {
	const browser = await launch();
	try {
		const context = await signedInContext(browser, origin, token);
		const page = await context.newPage();
		// Event Timing reports an interaction only from 16 ms on (the API's floor): a tap it does
		// not report took less, and is counted as 16 ms below — an upper bound, never flattering.
		await page.addInitScript(() => {
			window.__interactions = new Map();
			new PerformanceObserver((list) => {
				for (const e of list.getEntries())
					if (e.interactionId)
						window.__interactions.set(
							e.interactionId,
							Math.max(e.duration, window.__interactions.get(e.interactionId) ?? 0)
						);
			}).observe({ type: 'event', durationThreshold: 16, buffered: true });
		});
		await throttled(context, page);
		await page.goto(origin + '/review', { waitUntil: 'networkidle' });
		const durations = [];
		const interactions = [];
		for (let i = 0; i < grades; i += 1) {
			const good = page.getByRole('button', { name: /^Good/ });
			if ((await good.count()) === 0) {
				const show = page.getByRole('button', { name: /show answer/i });
				if ((await show.count()) === 0) break;
				await show.first().tap();
			}
			const before = await page.evaluate(() => [...window.__interactions.keys()]);
			await page.getByRole('button', { name: /^Good/ }).first().tap();
			const d = await page.evaluate(
				() =>
					new Promise((resolve) => {
						const check = () => {
							const grade = performance.getEntriesByName('grade', 'mark').at(-1);
							const paint = performance.getEntriesByName('next-card-painted', 'mark').at(-1);
							if (grade && paint && paint.startTime >= grade.startTime)
								resolve(paint.startTime - grade.startTime);
							else requestAnimationFrame(check);
						};
						check();
					})
			);
			durations.push(d);
			// Event Timing entries arrive after the next paint; give them two frames.
			await page.waitForTimeout(100);
			const tap = await page.evaluate(
				(seen) =>
					[...window.__interactions]
						.filter(([id]) => !seen.includes(id))
						.reduce((m, [, duration]) => Math.max(m, duration), 0),
				before
			);
			interactions.push(Math.max(16, tap));
		}
		return {
			gradeToNextCardMs: summary(durations),
			gradeInteractionMs: {
				...summary(interactions),
				over16: interactions.filter((x) => x > 16).length
			}
		};
	} finally {
		await browser.close();
	}
}

export async function benchLcp({ origin, token, paths, runs = 3 }) {
	const browser = await launch();
	const results = {};
	try {
		for (const path of paths) {
			const values = [];
			for (let r = 0; r < runs; r += 1) {
				const context = await signedInContext(browser, origin, token);
				const page = await context.newPage();
				await throttled(context, page);
				await page.goto(origin + path, { waitUntil: 'networkidle' });
				const lcp = await page.evaluate(
					() =>
						new Promise((resolve) => {
							new PerformanceObserver((list) => {
								const entries = list.getEntries();
								resolve(entries.at(-1).startTime);
							}).observe({ type: 'largest-contentful-paint', buffered: true });
							setTimeout(() => resolve(NaN), 3000);
						})
				);
				values.push(lcp);
				await context.close();
			}
			results[path] = { lcpMs: summary(values) };
		}
	} finally {
		await browser.close();
	}
	return results;
}
