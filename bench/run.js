// npm run bench: measures Gapwise against a production build and a seeded database.
// Writes bench/results.json and bench/RESULTS.md. Budgets are checked, never relaxed here.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { openBenchDb } from './lib/db.js';
import { deckCardIds } from './lib/content.js';
import { seedCardStates, seedLearners } from './lib/seed.js';
import { startServer } from './lib/server.js';
import { benchDirectSync, benchReviewSync } from './lib/sync.js';
import { benchPageWeight } from './lib/weight.js';
import { benchHistory } from './lib/history-pages.js';
import { benchGradeToNextCard, benchLcp } from './lib/paint.js';
import { benchLighthouse } from './lib/lighthouse.js';
import { writeReport } from './lib/report.js';

const DATA = 'bench/data';
const PORT = 4390;
const quick = process.argv.includes('--quick');
// `--only=reviews`: the review-sync part alone (seeding, server, sync), for a shared host;
// `--only=history`: the learner with 300 days of history beside a new one, alone.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const scales = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];

function step(name) {
	console.log(`\n▶ ${name}`);
}

async function main() {
	if (!existsSync('build/index.js') || process.argv.includes('--build')) {
		step('building');
		execSync('npm run build', { stdio: 'inherit' });
	}
	rmSync(DATA, { recursive: true, force: true });
	mkdirSync(DATA, { recursive: true });
	const dbFile = `${DATA}/bench.db`;
	const client = await openBenchDb(dbFile);
	const cardIds = deckCardIds();

	step('seeding learners');
	// Learner 0 is the one whose queue is measured: a full deck of card states at every scale.
	// The others fill the database to each scale with 500 cards each.
	const PER_OTHER = 500;
	if (only === 'reviews') return benchReviewsOnly(client, cardIds, PER_OTHER);
	const [historyLearner, newLearner] = await seedLearners(client, 2, 'history');
	if (only === 'history') return benchHistoryOnly(client, cardIds, historyLearner, newLearner);
	const learners = await seedLearners(
		client,
		1 + Math.ceil((scales.at(-1) - cardIds.length) / PER_OTHER)
	);
	await seedCardStates(client, learners.slice(0, 1), cardIds, 0, cardIds.length, 7);
	const results = { machine: machineInfo() };

	step('queue query and planning (through the app code, vitest harness)');
	results.queue = [];
	let filled = 1;
	for (const scale of scales) {
		const upTo = 1 + Math.ceil((scale - cardIds.length) / PER_OTHER);
		await seedCardStates(client, learners.slice(filled, upTo), cardIds, 0, PER_OTHER, scale);
		filled = upTo;
		const count = (await client.execute('select count(*) as n from card_state')).rows[0].n;
		const core = runCoreHarness(dbFile, learners[0].id);
		results.queue.push({ cardStates: Number(count), ...core.queue });
		results.plan = core.plan;
		console.log(`  ${count} card states: queue ${JSON.stringify(core.queue)}`);
	}
	client.close();

	step('server: review sync, page weight, paint, Lighthouse');
	const server = await startServer({ port: PORT, dbFile });
	try {
		Object.assign(results, await benchSync(server, dbFile, learners, cardIds));
		step('a learner with 300 days of history beside a new one');
		results.history = await benchHistory({
			origin: server.origin,
			historyLearner,
			newLearner,
			cardIds
		});
		const token = learners[0].token;
		results.pageWeight = await benchPageWeight({
			origin: server.origin,
			token,
			paths: ['/today', '/review', '/skills', '/plan']
		});
		results.paint = await benchGradeToNextCard({
			origin: server.origin,
			token,
			grades: quick ? 10 : 30
		});
		results.lcp = await benchLcp({
			origin: server.origin,
			token,
			paths: ['/today', '/review'],
			runs: quick ? 1 : 3
		});
		results.lighthouse = {
			'/': (await benchLighthouse({ origin: server.origin, paths: ['/'], runs: quick ? 1 : 3 }))[
				'/'
			],
			...(await benchLighthouse({
				origin: server.origin,
				token,
				paths: ['/today', '/review'],
				runs: quick ? 1 : 3
			}))
		};
	} finally {
		await server.stop();
	}

	writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
	writeFileSync('bench/RESULTS.md', writeReport(results));
	console.log('\n' + readFileSync('bench/RESULTS.md', 'utf8'));
}

/** Review sync through the server, and the same database work straight through the client. */
async function benchSync(server, dbFile, learners, cardIds) {
	const direct = await openBenchDb(dbFile);
	const directSync = await benchDirectSync({
		client: direct,
		learners: learners.slice(-40),
		cardIds
	});
	direct.close();
	const reviewSync = await benchReviewSync({
		origin: server.origin,
		learners: learners.slice(1, 151),
		cardIds,
		serverPid: server.child.pid
	});
	return { directSync, reviewSync };
}

/** The review-sync learners as in the full run (500 seeded cards each), then sync alone. */
async function benchReviewsOnly(client, cardIds, perLearner) {
	const learners = await seedLearners(client, 191);
	await seedCardStates(client, learners.slice(1), cardIds, 0, perLearner, 11);
	client.close();
	const server = await startServer({ port: PORT, dbFile: `${DATA}/bench.db` });
	const results = { machine: machineInfo() };
	try {
		Object.assign(results, await benchSync(server, `${DATA}/bench.db`, learners, cardIds));
	} finally {
		await server.stop();
	}
	// A partial run does not overwrite the committed full results.
	writeFileSync(`${DATA}/reviews.json`, JSON.stringify(results, null, 2) + '\n');
	console.log(writeReport(results));
}

/** The history learners alone, on a database that holds only them. */
async function benchHistoryOnly(client, cardIds, historyLearner, newLearner) {
	client.close();
	const server = await startServer({ port: PORT, dbFile: `${DATA}/bench.db` });
	const results = { machine: machineInfo() };
	try {
		results.history = await benchHistory({
			origin: server.origin,
			historyLearner,
			newLearner,
			cardIds
		});
	} finally {
		await server.stop();
	}
	writeFileSync(`${DATA}/history.json`, JSON.stringify(results, null, 2) + '\n');
	console.log(writeReport(results));
}

function machineInfo() {
	return {
		cores: os.cpus().length,
		cpu: os.cpus()[0]?.model,
		node: process.version,
		date: new Date().toISOString(),
		loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100)
	};
}

/** Runs bench/core.harness.ts in vitest (it needs Vite's content imports) and reads its JSON. */
function runCoreHarness(dbFile, learnerId) {
	const out = `${DATA}/core.json`;
	const r = spawnSync('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts'], {
		env: { ...process.env, BENCH_DB: dbFile, BENCH_LEARNER: learnerId, BENCH_OUT: out },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (r.status !== 0) throw new Error('the core benchmark harness failed');
	return JSON.parse(readFileSync(out, 'utf8'));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
