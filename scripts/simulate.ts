// `npm run simulate [-- --learners 500 --horizon 180 --seed 17 --roles llm-engineer,mlops-engineer]`
// Runs the learner simulator (src/lib/core/sim) on the real content and writes sim/results.json,
// sim/RESULTS.md and one readiness chart per role. Learners are split into slices run by worker
// threads (one per core); every learner draws from their own seeded stream, so the results are
// the same whatever the number of workers.
import { writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readContentFiles } from '../src/lib/server/content/vite-plugin';
import { parseContent } from '../src/lib/server/content/parse';
import { buildWorld, type SimWorld } from '../src/lib/core/sim/world';
import {
	DEFAULT_DATE_DAY,
	DEFAULT_VARIANTS,
	runLearners,
	summariseRole,
	type SimConfig
} from '../src/lib/core/sim/simulation';
import type { RunResult } from '../src/lib/core/sim/run';
import { readinessSvg, resultsMarkdown, creditVerdicts } from '../src/lib/core/sim/report';

interface Job {
	roleId: string;
	from: number;
	to: number;
}

/** Learners per job: small enough to keep both workers busy to the end. */
const SLICE = 25;

function worldsFor(roleIds: readonly string[]): Map<string, SimWorld> {
	const { graph, deck } = parseContent(readContentFiles(process.cwd()));
	return new Map(roleIds.map((id) => [id, buildWorld(graph, id, deck)]));
}

function workerMain() {
	const { config, roles } = workerData as { config: SimConfig; roles: string[] };
	const worlds = worldsFor(roles);
	parentPort!.on('message', (job: Job | null) => {
		if (job === null) return process.exit(0);
		const results = runLearners(worlds.get(job.roleId)!, config, job.from, job.to);
		parentPort!.postMessage({ job, results });
	});
}

/** Runs every job on `threads` workers; results per role, per variant, in learner order. */
async function runJobs(config: SimConfig, roles: string[], threads: number) {
	const jobs: Job[] = roles.flatMap((roleId) =>
		Array.from({ length: Math.ceil(config.learners / SLICE) }, (_, i) => ({
			roleId,
			from: i * SLICE,
			to: Math.min(config.learners, (i + 1) * SLICE)
		}))
	);
	const done = new Map<string, RunResult[][]>();
	let next = 0;
	await Promise.all(
		Array.from({ length: threads }, () => {
			// Workers do not inherit tsx's loader: a small bootstrap registers it, then loads this file.
			const bootstrap = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
			const worker = new Worker(bootstrap, { eval: true, workerData: { config, roles } });
			return new Promise<void>((resolve, reject) => {
				const feed = () => worker.postMessage(next < jobs.length ? jobs[next++] : null);
				worker.on('message', ({ job, results }: { job: Job; results: RunResult[][] }) => {
					done.set(`${job.roleId}:${job.from}`, results);
					feed();
				});
				worker.on('error', reject);
				worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker ${code}`))));
				feed();
			});
		})
	);
	const worlds = worldsFor(roles);
	return roles.map((roleId) => {
		const slices = jobs
			.filter((j) => j.roleId === roleId)
			.map((j) => done.get(`${roleId}:${j.from}`)!);
		const results = config.variants.map((_, v) => slices.flatMap((s) => s[v]!));
		return summariseRole(worlds.get(roleId)!, config, results);
	});
}

async function main() {
	const { values } = parseArgs({
		options: {
			learners: { type: 'string', default: '500' },
			horizon: { type: 'string', default: '180' },
			seed: { type: 'string', default: '17' },
			roles: { type: 'string', default: 'llm-engineer,mlops-engineer' },
			'date-day': { type: 'string', default: String(DEFAULT_DATE_DAY) },
			threads: { type: 'string', default: String(availableParallelism()) },
			out: { type: 'string', default: 'sim' }
		}
	});
	const config: SimConfig = {
		seed: Number(values.seed),
		learners: Number(values.learners),
		horizon: Number(values.horizon),
		measureEvery: 7,
		dateDay: Number(values['date-day']),
		variants: DEFAULT_VARIANTS
	};
	const roles = values.roles.split(',');
	const load = loadavg()[0]!;
	const started = performance.now();
	const cpu = process.cpuUsage();
	const summaries = await runJobs(config, roles, Math.max(1, Number(values.threads)));
	const seconds = (performance.now() - started) / 1000;
	mkdirSync(values.out, { recursive: true });
	const chartFile = (roleId: string) => `readiness-${roleId}.svg`;
	const charted = [
		'naive',
		'prerequisites',
		'gapwise credit off · transfer 0',
		'gapwise credit on · transfer 0'
	];
	for (const s of summaries)
		writeFileSync(`${values.out}/${chartFile(s.roleId)}`, readinessSvg(s, charted) + '\n');
	const meta = {
		seed: config.seed,
		learners: config.learners,
		horizon: config.horizon,
		dateDay: config.dateDay,
		seconds,
		// The whole process, worker threads included: a figure the host's load does not inflate.
		cpuSeconds: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6,
		threads: Number(values.threads),
		loadBefore: load,
		loadAfter: loadavg()[0]!
	};
	const results = { meta, roles: summaries.map((s) => ({ ...s, credit: creditVerdicts(s) })) };
	writeFileSync(`${values.out}/results.json`, JSON.stringify(results, null, '\t') + '\n');
	writeFileSync(`${values.out}/RESULTS.md`, resultsMarkdown(summaries, meta, chartFile));
	console.log(
		`${roles.length} roles × ${config.learners} learners × ${config.variants.length} variants in ${seconds.toFixed(1)} s (load ${load.toFixed(2)} before, ${meta.loadAfter.toFixed(2)} after)`
	);
}

if (isMainThread) {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
} else {
	workerMain();
}
