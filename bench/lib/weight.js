// Benchmark 4: the JS and CSS a first visit to a page loads, gzip-compressed, from a real browser load.
import { gzipSync } from 'node:zlib';
import { launch, signedInContext } from './browser.js';

export async function benchPageWeight({ origin, token, paths }) {
	const browser = await launch();
	const results = {};
	try {
		for (const path of paths) {
			const context = await signedInContext(browser, origin, token);
			const page = await context.newPage();
			const bodies = [];
			page.on('response', (response) => {
				const type = response.request().resourceType();
				if (type === 'script' || type === 'stylesheet')
					bodies.push(response.body().then((b) => ({ type, b })));
			});
			await page.goto(origin + path, { waitUntil: 'networkidle' });
			let js = 0;
			let css = 0;
			for (const { type, b } of await Promise.all(bodies)) {
				const size = gzipSync(b, { level: 9 }).length;
				if (type === 'script') js += size;
				else css += size;
			}
			results[path] = {
				jsGzipKB: Math.round(js / 102.4) / 10,
				cssGzipKB: Math.round(css / 102.4) / 10,
				status: page.url()
			};
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return results;
}
