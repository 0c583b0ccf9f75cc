import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeResume } from './analyze';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);
const byId = (text: string) => new Map(analyzeResume(text, graph, index).map((s) => [s.id, s]));
const levels = (text: string) =>
	Object.fromEntries(analyzeResume(text, graph, index).map((s) => [s.id, s.level]));

const CV = `Ada Example — ML engineer

Experience
Machine learning engineer, Acme (2021–2024)
- Led the migration of our training jobs to Kubernetes.
- Built and deployed PyTorch models in production.
- Used GitHub Actions for releases.

Education
MSc Computer Science
- Coursera course on Docker

Skills
Python, scikit-learn

Interests
Kubernetes meetups, climbing`;

describe('analyzeResume', () => {
	it('proposes nothing for text that names no skill', () => {
		expect(analyzeResume('', graph, index)).toEqual([]);
		expect(analyzeResume('I like climbing and tea.', graph, index)).toEqual([]);
	});

	it('reads the level from the line: led 4, built/deployed 3, used 2, a course 1', () => {
		expect(levels(CV)).toEqual({
			kubernetes: 4,
			pytorch: 3,
			'ci-cd': 2,
			docker: 1,
			python: 2,
			sklearn: 2
		});
	});

	it('quotes the line that justifies each level, phrase and cue included', () => {
		const skills = byId(CV);
		expect(skills.get('kubernetes')?.evidence).toBe(
			'Led the migration of our training jobs to Kubernetes.'
		);
		expect(skills.get('kubernetes')?.reason).toBe('Level 4 (Leads and teaches): “Led”.');
		expect(skills.get('pytorch')?.evidence).toContain('PyTorch');
		expect(skills.get('docker')?.evidence).toBe('Coursera course on Docker');
		expect(skills.get('docker')?.reason).toMatch(/“course”, in your education or courses/);
		expect(skills.get('python')?.reason).toMatch(/listed among your skills/);
	});

	it('keeps the strongest showing of a skill, with its line', () => {
		const skills = byId(`Projects
- Followed a tutorial on Docker.
- Deployed a Flask app in Docker containers on a VPS.`);
		expect(skills.get('docker')).toMatchObject({
			level: 3,
			evidence: 'Deployed a Flask app in Docker containers on a VPS.'
		});
	});

	it('lowers course-only mentions: education shows at most guidance', () => {
		expect(levels('Education\n- Built a PyTorch classifier in a course project')).toEqual({
			pytorch: 2
		});
		expect(levels('Education\n- Deep learning with PyTorch')).toEqual({ pytorch: 1 });
		expect(levels('Certifications\n- Certified Kubernetes Administrator')).toEqual({
			kubernetes: 2
		});
		expect(levels('Education\nBSc thesis on Docker')).toEqual({ docker: 2 });
		expect(levels('Education\nMSc degree in Python engineering')).toEqual({ python: 2 });
	});

	it('reads years of use, next to the name or before it', () => {
		expect(levels('Skills: Python (6 years), Docker (1 year), Kubernetes — 3 yrs')).toEqual({
			python: 4,
			docker: 2,
			kubernetes: 3
		});
		expect(levels('Summary\nFour years of Python and six months of Kubernetes.')).toEqual({
			python: 3,
			kubernetes: 2
		});
	});

	it('gives a bracketed cue to the name before it only', () => {
		expect(levels('Tools: Python (expert), Docker, Kubernetes (basic)')).toEqual({
			python: 4,
			docker: 2,
			kubernetes: 1
		});
		expect(levels('Proficient: Python, Docker')).toEqual({ python: 3, docker: 3 });
	});

	it('reads the posting cues the same way in a CV', () => {
		expect(levels('Expert in Python, familiar with Docker, exposure to Kubernetes.')).toEqual({
			python: 4,
			docker: 2,
			kubernetes: 1
		});
	});

	it('lets "using" inherit the verb before it, and the nearest verb govern', () => {
		expect(levels('Built an API using Python and Docker.')).toEqual({ python: 3, docker: 3 });
		expect(levels('Used Python daily.')).toEqual({ python: 2 });
		expect(levels('Mentored two juniors; built CI/CD for PyTorch training.')).toEqual({
			'ci-cd': 3,
			pytorch: 3
		});
		expect(levels('Taught PyTorch workshops to 40 engineers.')).toEqual({ pytorch: 4 });
	});

	it('treats a labelled line as its own section, not the rest of the job', () => {
		const text = `Experience
Data engineer, Beta
Stack: Docker, Kubernetes
- Deployed the model service on Kubernetes.`;
		expect(levels(text)).toEqual({ docker: 2, kubernetes: 3 });
	});

	it('skips hobbies, references and contact details', () => {
		expect(levels('Hobbies\nBuilding Kubernetes clusters from Raspberry Pis')).toEqual({});
	});

	it('proposes levels from 1 to 4 and quotes long lines in at most 160 characters', () => {
		const long = `Built ${'a very long description of the work, '.repeat(10)}with Docker at the end.`;
		const [docker] = analyzeResume(long, graph, index);
		expect(docker?.evidence.length).toBeLessThanOrEqual(162);
		expect(docker?.evidence).toContain('Docker');
		expect(docker?.level).toBe(3);
	});
});
