// Issue 16, "flat in the learner's history": a learner with 300 days of reviews (about 10,500
// over the built-in deck, uploaded day by day through POST /api/reviews as a phone syncs them)
// against a new learner, on the pages and endpoints a learner opens every day.
import http from 'node:http';
import { historyBatches } from './history.js';
import { summary } from './stats.js';

export const HISTORY_PATHS = ['/api/queue', '/today', '/review', '/stats', '/gap', '/api/export'];

async function upload(origin, learner, cardIds) {
	let reviews = 0;
	for (const batch of historyBatches({ cardIds })) {
		const res = await fetch(`${origin}/api/reviews`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin,
				cookie: `gapwise-session=${learner.token}`
			},
			body: JSON.stringify({ reviews: batch })
		});
		if (!res.ok) throw new Error(`POST /api/reviews answered ${res.status}: ${await res.text()}`);
		reviews += batch.length;
	}
	return reviews;
}

/**
 * Milliseconds from request to the last byte, on loopback (so the server's time), asking for
 * gzip as a browser does and reading the bytes as they come — unzipping them is the client's
 * time, not the server's (fetch would unzip inside the measure). The median of 15 rather than
 * the 5, because on this shared 2-core machine five runs of the same build differed by
 * a third.
 */
async function timePath(origin, learner, path) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const once = () =>
		new Promise((resolve, reject) => {
			const started = performance.now();
			const req = http.request(
				origin + path,
				{
					agent,
					headers: { cookie: `gapwise-session=${learner.token}`, 'accept-encoding': 'gzip' }
				},
				(res) => {
					res.resume();
					res.on('end', () => {
						if (res.statusCode !== 200) reject(new Error(`GET ${path} answered ${res.statusCode}`));
						else resolve(performance.now() - started);
					});
				}
			);
			req.on('error', reject);
			req.end();
		});
	try {
		await once(); // the first call fills the per-process caches, as any learner's first visit does
		const times = [];
		for (let i = 0; i < 15; i += 1) times.push(await once());
		return summary(times).median;
	} finally {
		agent.destroy();
	}
}

/** Both learners aim at the LLM engineer role, so /gap and the plan have a target to work on. */
async function setTarget(origin, learner) {
	const res = await fetch(`${origin}/api/targets`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin,
			cookie: `gapwise-session=${learner.token}`
		},
		body: JSON.stringify({ name: 'LLM engineer', roleId: 'llm-engineer', active: true })
	});
	if (!res.ok) throw new Error(`POST /api/targets answered ${res.status}: ${await res.text()}`);
}

export async function benchHistory({ origin, historyLearner, newLearner, cardIds }) {
	for (const learner of [historyLearner, newLearner]) await setTarget(origin, learner);
	const started = performance.now();
	const reviews = await upload(origin, historyLearner, cardIds);
	const uploadSeconds = Math.round((performance.now() - started) / 100) / 10;
	const pages = {};
	for (const path of HISTORY_PATHS)
		pages[path] = {
			history: await timePath(origin, historyLearner, path),
			new: await timePath(origin, newLearner, path)
		};
	return { reviews, days: 300, uploadSeconds, pages };
}
