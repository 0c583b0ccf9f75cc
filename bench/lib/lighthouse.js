// Benchmark 6: Lighthouse 12 mobile scores, driving Debian's chromium.
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM_ARGS } from './browser.js';

export async function benchLighthouse({ origin, token, paths }) {
	const chrome = await launch({
		chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	const results = {};
	try {
		for (const path of paths) {
			const run = await lighthouse(
				origin + path,
				{
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility', 'best-practices']
				},
				{
					extends: 'lighthouse:default',
					settings: {
						formFactor: 'mobile',
						extraHeaders: token ? { Cookie: `gapwise-session=${token}` } : {}
					}
				}
			);
			const c = run.lhr.categories;
			results[path] = {
				performance: Math.round(c.performance.score * 100),
				accessibility: Math.round(c.accessibility.score * 100),
				bestPractices: Math.round(c['best-practices'].score * 100),
				failing: Object.values(run.lhr.audits)
					.filter(
						(a) =>
							a.score !== null &&
							a.score < 0.9 &&
							a.scoreDisplayMode !== 'informative' &&
							a.scoreDisplayMode !== 'notApplicable'
					)
					.map((a) => a.id)
			};
		}
	} finally {
		chrome.kill();
	}
	return results;
}
