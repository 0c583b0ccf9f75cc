// Benchmark 5: tap a grade → next card painted, on a phone profile with 4× CPU slowdown,
// read from the review page's performance marks; and Largest Contentful Paint.
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
		await throttled(context, page);
		await page.goto(origin + '/review', { waitUntil: 'networkidle' });
		const durations = [];
		for (let i = 0; i < grades; i += 1) {
			const good = page.getByRole('button', { name: /^Good/ });
			if ((await good.count()) === 0) {
				const show = page.getByRole('button', { name: /show answer/i });
				if ((await show.count()) === 0) break;
				await show.first().tap();
			}
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
		}
		return { gradeToNextCardMs: summary(durations) };
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
