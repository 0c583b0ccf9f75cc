// Benchmark 6: Lighthouse 12 mobile scores, driving Debian's chromium.
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { CHROMIUM_ARGS } from './browser.js';

/** The middle value of a few runs (Lighthouse's own advice for a score to act on). */
function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[sorted.length >> 1];
}

async function audit(chrome, origin, path, token) {
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
	return {
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

/** Each path's scores as the median of `runs` audits (issue 16 asks for the median of 3). */
export async function benchLighthouse({ origin, token, paths, runs = 3 }) {
	const chrome = await launch({
		chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', ...CHROMIUM_ARGS]
	});
	const results = {};
	try {
		for (const path of paths) {
			const all = [];
			for (let i = 0; i < runs; i += 1) all.push(await audit(chrome, origin, path, token));
			results[path] = {
				performance: median(all.map((r) => r.performance)),
				accessibility: median(all.map((r) => r.accessibility)),
				bestPractices: median(all.map((r) => r.bestPractices)),
				runs: all.map((r) => r.performance),
				failing: [...new Set(all.flatMap((r) => r.failing))]
			};
		}
	} finally {
		chrome.kill();
	}
	return results;
}
