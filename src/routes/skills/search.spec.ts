import { describe, expect, it } from 'vitest';
import { searchSkills } from './search';

const skills = [
	{ id: 'kubernetes', name: 'Kubernetes & Helm', aliases: ['k8s', 'Helm charts', 'kubectl'] },
	{ id: 'ci-cd', name: 'CI/CD pipelines', aliases: ['GitHub Actions', 'continuous integration'] },
	{ id: 'docker', name: 'Docker & containers', aliases: ['Dockerfile', 'container images'] }
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
});
