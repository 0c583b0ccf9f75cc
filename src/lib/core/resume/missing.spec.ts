import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { analyzeJobDescription } from '../jd';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { missingTerms, postingTerms } from './missing';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);

const POSTING = `Requirements
- Python and k8s in production
- CI/CD with GitHub Actions
- LangSmith or MLflow for tracing
Nice to have
- PyTorch`;

const terms = () => postingTerms(analyzeJobDescription(POSTING, graph, index), index);

describe('postingTerms', () => {
	it('lists the phrases that named each skill, as written, then the unplaced terms', () => {
		// In the analysis's order: musts first, the most often named first among them.
		expect(terms()).toEqual([
			{ term: 'CI/CD', skillId: 'ci-cd' },
			{ term: 'GitHub Actions', skillId: 'ci-cd' },
			{ term: 'Python', skillId: 'python' },
			{ term: 'k8s', skillId: 'kubernetes' },
			{ term: 'PyTorch', skillId: 'pytorch' },
			{ term: 'LangSmith', skillId: null },
			{ term: 'MLflow', skillId: null }
		]);
	});

	it('lists a term once, whatever its case or punctuation', () => {
		const analysis = {
			skills: [
				{
					id: 'ci-cd',
					name: 'Ci-cd',
					importance: 'must' as const,
					targetLevel: 2,
					evidence: ['CI/CD daily', 'ci-cd again'],
					levelReason: ''
				}
			],
			unmatched: ['LangSmith', 'langsmith'],
			title: null
		};
		expect(postingTerms(analysis, index).map((t) => t.term)).toEqual(['CI/CD', 'LangSmith']);
	});
});

describe('missingTerms', () => {
	it('keeps the terms the CV never writes, matched by words, not case or punctuation', () => {
		const cv = `Built CI-CD pipelines in python; ran services on Kubernetes.
Traced agents with langsmith.`;
		expect(missingTerms(cv, terms()).map((t) => t.term)).toEqual([
			'GitHub Actions',
			// The CV has the skill as "Kubernetes", but the posting says k8s: write it its way.
			'k8s',
			'PyTorch',
			'MLflow'
		]);
	});

	it('finds multi-word terms anywhere in the CV, and nothing is missing from an empty list', () => {
		const found = [{ term: 'Weights & Biases', skillId: null }];
		expect(missingTerms('Tracked runs in Weights and Biases.', found)).toEqual(found);
		expect(missingTerms('Tracked runs in weights & biases.', found)).toEqual([]);
		expect(missingTerms('anything', [])).toEqual([]);
	});
});
