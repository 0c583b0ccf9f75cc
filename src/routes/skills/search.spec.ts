import { describe, expect, it } from 'vitest';
import { searchSkills } from './search';

const skills = [
	{ id: 'kubernetes', name: 'Kubernetes & Helm', aliases: ['k8s', 'Helm charts', 'kubectl'] },
	{ id: 'ci-cd', name: 'CI/CD pipelines', aliases: ['GitHub Actions', 'continuous integration'] },
	{ id: 'docker', name: 'Docker & containers', aliases: ['Dockerfile', 'container images'] },
	{ id: 'pytorch', name: 'PyTorch', aliases: ['torch.compile'] },
	{ id: 'edge', name: 'Edge deployment', aliases: ['PyTorch Mobile', 'ONNX'] },
	{ id: 'fairness', name: 'Fairness & bias', aliases: ['bias and fairness', 'Fairlearn'] }
];

describe('searchSkills', () => {
	it('finds by alias and says which alias matched', () => {
		expect(searchSkills(skills, 'K8S')).toEqual([{ id: 'kubernetes', alias: 'k8s' }]);
		expect(searchSkills(skills, 'github act')).toEqual([{ id: 'ci-cd', alias: 'GitHub Actions' }]);
	});

	it('finds by name or id, ignoring case and punctuation', () => {
		expect(searchSkills(skills, 'ci-cd')).toEqual([{ id: 'ci-cd' }]);
		expect(searchSkills(skills, 'containers')).toEqual([{ id: 'docker' }]);
		expect(searchSkills(skills, 'contain').map((h) => h.id)).toEqual(['docker']);
		// Only at word starts: "ont" is inside "containers" and "continuous" but starts neither.
		expect(searchSkills(skills, 'ont')).toEqual([]);
	});

	it('returns nothing for an empty or unmatched query', () => {
		expect(searchSkills(skills, '   ')).toEqual([]);
		expect(searchSkills(skills, 'cobol')).toEqual([]);
	});

	it('finds a skill named inside a longer topic, as the analyser would', () => {
		expect(searchSkills(skills, 'Helm charts for ML services')).toEqual([
			{ id: 'kubernetes', alias: 'Helm charts' }
		]);
		expect(searchSkills(skills, 'Using ONNX with Docker')).toEqual([
			{ id: 'edge', alias: 'ONNX' },
			{ id: 'docker' }
		]);
	});

	it('forgives typos, closest first, and marks the guess', () => {
		expect(searchSkills(skills, 'pytroch')).toEqual([
			{ id: 'pytorch', near: true },
			{ id: 'edge', alias: 'PyTorch Mobile', near: true }
		]);
		// Word order does not matter: the name "Fairness & bias" holds both words.
		expect(searchSkills(skills, 'Bias and Fareness')).toEqual([{ id: 'fairness', near: true }]);
		expect(searchSkills(skills, 'kuberne')).toEqual([{ id: 'kubernetes' }]);
		expect(searchSkills(skills, 'kubernets')).toEqual([{ id: 'kubernetes', near: true }]);
	});

	it('reads a plural as its singular and skips words that name no skill', () => {
		expect(searchSkills(skills, 'Pytroch Mobiles use cases')).toEqual([
			{ id: 'edge', alias: 'PyTorch Mobile', near: true }
		]);
	});

	it('guesses only when every meaningful word is close to one name', () => {
		// "mobile" and "docker" are both known words, but no single name holds both.
		expect(searchSkills(skills, 'mobile dockr')).toEqual([]);
		expect(searchSkills(skills, 'and the of')).toEqual([]);
		// Short words are too alike to guess at.
		expect(searchSkills(skills, 'onxx')).toEqual([]);
	});
});
