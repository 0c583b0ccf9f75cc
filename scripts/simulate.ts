// `npm run simulate [-- --learners 500 --horizon 180 --seed 17 --roles llm-engineer,mlops-engineer]`
// Runs the learner simulator (src/lib/core/sim) on the real content and writes sim/results.json,
// sim/RESULTS.md and one readiness chart per role.
import { writeFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readContentFiles } from '../src/lib/server/content/vite-plugin';
import { parseContent } from '../src/lib/server/content/parse';
import { buildWorld } from '../src/lib/core/sim/world';
import {
	DEFAULT_VARIANTS,
	runRole,
	type RoleSummary,
	type SimConfig
} from '../src/lib/core/sim/simulation';
import { readinessSvg, resultsMarkdown, creditVerdicts } from '../src/lib/core/sim/report';

interface Job {
	roleId: string;
	config: SimConfig;
}

function runJob({ roleId, config }: Job): RoleSummary {
	const { graph, deck } = parseContent(readContentFiles(process.cwd()));
	return runRole(buildWorld(graph, roleId, deck), config);
}

function main() {
	const { values } = parseArgs({
		options: {
			learners: { type: 'string', default: '500' },
			horizon: { type: 'string', default: '180' },
			seed: { type: 'string', default: '17' },
			roles: { type: 'string', default: 'llm-engineer,mlops-engineer' },
			out: { type: 'string', default: 'sim' }
		}
	});
	const config: SimConfig = {
		seed: Number(values.seed),
		learners: Number(values.learners),
		horizon: Number(values.horizon),
		measureEvery: 7,
		variants: DEFAULT_VARIANTS
	};
	const roles = values.roles.split(',');
	const started = performance.now();
	const summaries = roles.map((roleId) => runJob({ roleId, config }));
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
	const meta = { seed: config.seed, learners: config.learners, horizon: config.horizon, seconds };
	const results = { meta, roles: summaries.map((s) => ({ ...s, credit: creditVerdicts(s) })) };
	writeFileSync(`${values.out}/results.json`, JSON.stringify(results, null, '\t') + '\n');
	writeFileSync(`${values.out}/RESULTS.md`, resultsMarkdown(summaries, meta, chartFile));
	console.log(
		`${roles.length} roles × ${config.learners} learners × ${config.variants.length} variants in ${seconds.toFixed(1)} s`
	);
}

try {
	main();
} catch (error) {
	console.error(error);
	process.exit(1);
}
