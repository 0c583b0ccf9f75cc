// `npm test`: every check of the suite, run as stages whose independent steps share the
// machine's cores (CI has two): formatting, lint, types and the build at once; then the unit and
// integration tests beside the server-process tests; then the browser tests. A step's output is
// printed whole when it ends, so parallel logs stay readable. A stage runs to its end even when one
// of its steps fails (one run shows every formatting, lint and type error), and a failed stage stops
// the suite.
import { spawn } from 'node:child_process';

const STAGES = [
	[['svelte-kit sync', 'npx svelte-kit sync']],
	[
		['format', 'npx prettier --check .'],
		['lint', 'npx eslint . --max-warnings 0'],
		['types', 'npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings'],
		['build', 'npx vite build']
	],
	[
		['unit', 'npx vitest run --project unit'],
		['server', 'npx vitest run --project server']
	],
	[['e2e', 'npx playwright test']]
];

const running = new Set();

/** Runs one step; `alone` streams its output as it comes (a long stage must not look stuck). */
function run([name, command], alone) {
	const started = Date.now();
	if (alone) process.stdout.write(`\n===== ${name}\n`);
	return new Promise((resolve) => {
		const child = spawn(command, { shell: true, detached: true, env: process.env });
		running.add(child);
		let output = '';
		const collect = (d) => (alone ? process.stdout.write(d) : (output += d));
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('close', (code) => {
			running.delete(child);
			const seconds = ((Date.now() - started) / 1000).toFixed(0);
			const verdict = code === 0 ? 'passed' : 'FAILED';
			process.stdout.write(`\n===== ${name}: ${verdict} in ${seconds} s\n${output}`);
			resolve({ name, code, seconds });
		});
	});
}

function stopAll() {
	for (const child of running) {
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	}
}

process.on('SIGINT', () => {
	stopAll();
	process.exit(130);
});

const times = [];
for (const stage of STAGES) {
	const results = await Promise.all(stage.map((step) => run(step, stage.length === 1)));
	times.push(...results);
	const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
	if (failed.length > 0) {
		console.error(`\nnpm test: ${failed.join(', ')} failed.`);
		process.exit(1);
	}
}
console.log(`\nnpm test: all passed (${times.map((t) => `${t.name} ${t.seconds} s`).join(', ')}).`);
