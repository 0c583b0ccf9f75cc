import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aliasKey, buildAliasIndex, findAliasMatches } from './aliases';

const index = buildAliasIndex([
	{ id: 'docker', aliases: ['Docker', 'Dockerfile', 'docker compose'] },
	{ id: 'kubernetes', aliases: ['Kubernetes', 'k8s', 'Helm'] },
	{ id: 'ci-cd', aliases: ['CI/CD', 'GitHub Actions'] },
	{ id: 'ml-training', aliases: ['scikit-learn', 'sklearn', 'XGBoost'] },
	{ id: 'experiment-tracking', aliases: ['W&B', 'Weights & Biases', 'MLflow'] },
	{ id: 'software-design', aliases: ['C++', 'system design'] },
	{ id: 'llm-fine-tuning', aliases: ['LoRA', 'QLoRA', 'PEFT'] },
	{ id: 'llm-evaluation', aliases: ['LLM-as-judge'] },
	{ id: 'time-series', aliases: ['time series'] },
	{ id: 'managed', aliases: ['AWS Bedrock'] },
	{ id: 'cloud', aliases: ['AWS'] }
]);

const ids = (text: string) => findAliasMatches(index, text).map((m) => m.skillId);

describe('findAliasMatches', () => {
	it('reports skill, alias as written in content, and the offsets in the text', () => {
		const text = 'Experience with k8s and Docker.';
		expect(findAliasMatches(index, text)).toEqual([
			{ skillId: 'kubernetes', alias: 'k8s', start: 16, end: 19 },
			{ skillId: 'docker', alias: 'Docker', start: 24, end: 30 }
		]);
	});

	it('ignores case and the punctuation between words', () => {
		for (const text of ['CI/CD', 'ci-cd', 'CI / CD', 'ci cd', 'CICD'])
			expect(ids(text), text).toEqual(['ci-cd']);
		expect(ids('Scikit-Learn, scikit learn, scikitlearn and SKLEARN')).toEqual([
			'ml-training',
			'ml-training',
			'ml-training',
			'ml-training'
		]);
		expect(ids('Tracked runs in W&B (Weights & Biases).')).toEqual([
			'experiment-tracking',
			'experiment-tracking'
		]);
	});

	it('does not read a name across marks that end a phrase', () => {
		expect(ids('Full-time · Series B')).toEqual([]);
		expect(ids('time series, AWS Bedrock')).toEqual(['time-series', 'managed']);
		expect(ids('AWS (Bedrock, SageMaker)')).toEqual(['cloud']);
		expect(ids('time; series')).toEqual([]);
	});

	it('matches whole words only', () => {
		expect(ids('dockerised, hardocker, Dockerized')).toEqual([]);
		// A plural names the same thing: "Dockerfiles", "LoRAs"; other endings do not.
		expect(ids('Dockerfiles and LoRAs')).toEqual(['docker', 'llm-fine-tuning']);
		expect(ids('GitHub Actionss, docker composes')).toEqual(['docker']);
		expect(ids('Write a Dockerfile')).toEqual(['docker']);
		expect(ids('C++ and C#, not C')).toEqual(['software-design']);
		expect(ids("PyTorch's and Kubernetes' APIs")).toEqual(['kubernetes']);
	});

	it('prefers the longest alias and does not overlap matches', () => {
		expect(findAliasMatches(index, 'docker compose files')).toEqual([
			{ skillId: 'docker', alias: 'docker compose', start: 0, end: 14 }
		]);
		expect(ids('LLM-as-judge evals; QLoRA and LoRA')).toEqual([
			'llm-evaluation',
			'llm-fine-tuning',
			'llm-fine-tuning'
		]);
	});

	it('finds nothing in text without aliases', () => {
		expect(findAliasMatches(index, '')).toEqual([]);
		expect(findAliasMatches(index, '  —  ')).toEqual([]);
		expect(ids('We value curiosity and kindness.')).toEqual([]);
	});

	it('an explicit alias wins over a solid-written variant of another', () => {
		const i = buildAliasIndex([
			{ id: 'a', aliases: ['pre-commit'] },
			{ id: 'b', aliases: ['precommit'] }
		]);
		expect(findAliasMatches(i, 'precommit').map((m) => m.skillId)).toEqual(['b']);
		expect(findAliasMatches(i, 'pre-commit').map((m) => m.skillId)).toEqual(['a']);
	});

	it('every alias embedded in arbitrary text is found at its offsets', () => {
		const all = [...index.byKey.values()];
		const filler = fc.constantFrom('', ' ', ', ', ' the ', '. ', '(', ') ', '\n');
		fc.assert(
			fc.property(filler, fc.constantFrom(...all), filler, (before, entry, after) => {
				const text = `${before}${entry.alias}${after}`;
				const matches = findAliasMatches(index, text);
				expect(matches).toHaveLength(1);
				expect(matches[0]!.skillId).toBe(entry.skillId);
				expect(aliasKey(text.slice(matches[0]!.start, matches[0]!.end))).toBe(
					aliasKey(entry.alias)
				);
			})
		);
	});
});

describe('aliasKey', () => {
	it('normalises case and punctuation', () => {
		expect(aliasKey('  Weights & Biases ')).toBe('weights biases');
		expect(aliasKey('CI/CD')).toBe(aliasKey('ci cd'));
		expect(aliasKey('C++')).toBe('c++');
		expect(aliasKey('—')).toBe('');
	});
});
