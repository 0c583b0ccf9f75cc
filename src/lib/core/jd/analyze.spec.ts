import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeJobDescription } from './analyze';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);
const analyse = (text: string) => analyzeJobDescription(text, graph, index);
const byId = (text: string) => new Map(analyse(text).skills.map((s) => [s.id, s]));

describe('analyzeJobDescription', () => {
	it('returns nothing for text that names no skill', () => {
		expect(analyse('')).toEqual({ skills: [], unmatched: [], title: null });
		expect(analyse('We value kindness and curiosity.')).toEqual({
			skills: [],
			unmatched: [],
			title: null
		});
	});

	it('decides must vs nice from the sections of the text', () => {
		const skills = byId(`Machine Learning Engineer

Requirements
• Python and Docker in production
Nice to have
• Kubernetes
• PyTorch`);
		expect(skills.get('python')?.importance).toBe('must');
		expect(skills.get('docker')?.importance).toBe('must');
		expect(skills.get('kubernetes')?.importance).toBe('nice');
		expect(skills.get('pytorch')?.importance).toBe('nice');
	});

	it('treats "Preferred", "Bonus" and "Pluses" headings as nice-to-have', () => {
		for (const heading of ['Preferred qualifications', 'Bonus points', 'Pluses:']) {
			const skills = byId(`Must have:\n- Python\n${heading}\n- Kubernetes`);
			expect(skills.get('python')?.importance, heading).toBe('must');
			expect(skills.get('kubernetes')?.importance, heading).toBe('nice');
		}
	});

	it('lets "a plus", "a bonus", "preferred" make a skill nice inside a requirements list', () => {
		const skills = byId(`What you'll need
- Strong Python.
- Kubernetes is a bonus.
- PyTorch preferred.
- CI/CD experience a plus.`);
		expect(skills.get('python')?.importance).toBe('must');
		for (const id of ['kubernetes', 'pytorch', 'ci-cd']) {
			expect(skills.get(id)?.importance, id).toBe('nice');
		}
	});

	it('keeps "familiarity with" and "exposure to" a requirement, at a shallow level', () => {
		const skills = byId(`What you'll need
- Familiarity with Docker.
- Exposure to PyTorch.`);
		expect(skills.get('docker')?.importance).toBe('must');
		expect(skills.get('docker')?.targetLevel).toBeLessThanOrEqual(2);
		expect(skills.get('pytorch')).toMatchObject({ importance: 'must', targetLevel: 1 });
	});

	it('reads a labelled line: the label opens the section, the rest is its content', () => {
		const skills = byId('Requirements: strong Python and Docker. Kubernetes is a plus.');
		expect(skills.get('python')?.importance).toBe('must');
		expect(skills.get('docker')?.importance).toBe('must');
		expect(skills.get('kubernetes')?.importance).toBe('nice');
	});

	it('counts a skill as must when any sentence requires it', () => {
		const skills = byId(`Nice to have\n- Docker\nResponsibilities\n- Ship Docker images daily`);
		expect(skills.get('docker')?.importance).toBe('must');
	});

	it('ignores salary, benefits and education sections and degree subjects', () => {
		const skills = byId(`Requirements
- Python
Benefits
- Free Kubernetes training budget
Education
- Degree in PyTorch studies`);
		expect([...skills.keys()]).toEqual(['python']);
		expect(byId("Master's degree in Docker science preferred.").size).toBe(0);
	});

	it('reads descriptive text as asking only with requirement language or "you will"', () => {
		const skills = byId(`Overview
Our platform runs on Kubernetes. You will ship Docker images daily.
Requirements
- Python`);
		expect(skills.get('docker')?.importance).toBe('must');
		expect(skills.get('kubernetes')?.importance).toBe('nice');
		// What the role's own description names is the job: it is asked for.
		const role = byId(`About the role\nOur platform runs on Kubernetes.\nRequirements\n- Python`);
		expect(role.get('kubernetes')?.importance).toBe('must');
		// A question asks the reader, it states no requirement.
		expect(byId('FAQ\nDo you need PyTorch?').get('pytorch')?.importance).toBe('nice');
	});

	it('reads the prose of a posting that lists duties but no requirements as asking', () => {
		const skills = byId(`GPU Inference Engineer
About the role
We hire people who read CUDA as fluently as Python, and our platform runs on Kubernetes.
What you'll do
- Ship Docker images daily.`);
		expect(skills.get('python')?.importance).toBe('must');
		expect(skills.get('kubernetes')?.importance).toBe('must');
	});

	it('reads a posting without requirements or responsibilities as asking for all it names', () => {
		const skills = byId(`ML Engineer at Acme
Our platform runs on Kubernetes and Docker, and our models are trained in PyTorch.
Kubernetes experience is a plus.`);
		expect(skills.get('docker')?.importance).toBe('must');
		expect(skills.get('pytorch')?.importance).toBe('must');
		// Saying so still makes a skill optional.
		expect(skills.get('kubernetes')?.importance).toBe('nice');
	});

	it('counts a skill named again and again as a must, unless the posting calls it optional', () => {
		const text = (extra: string) => `Requirements
- Python
About the team
Our models are trained in PyTorch. The PyTorch code is ours. We maintain PyTorch forks.${extra}`;
		expect(byId(text('')).get('pytorch')?.importance).toBe('must');
		expect(byId(text('\nNice to have\n- PyTorch')).get('pytorch')?.importance).toBe('nice');
		const twice = 'Requirements\n- Python\nAbout\nWe use PyTorch. PyTorch is great.';
		expect(byId(twice).get('pytorch')?.importance).toBe('nice');
	});

	it('keeps the sentence each skill was found in as evidence', () => {
		const skills = byId(
			'Requirements\n- You ship containers daily. You write Python with tests; you review code.'
		);
		expect(skills.get('docker')?.evidence).toEqual(['You ship containers daily.']);
		expect(skills.get('python')?.evidence).toEqual(['You write Python with tests;']);
	});

	it('cuts a very long sentence to a window around the skill', () => {
		const filler = 'word '.repeat(100);
		const [docker] = analyse(`Requirements\n${filler}Docker ${filler}`).skills;
		expect(docker!.evidence[0]!.length).toBeLessThanOrEqual(162);
		expect(docker!.evidence[0]).toContain('Docker');
		expect(docker!.evidence[0]!.startsWith('…')).toBe(true);
	});

	it('quotes the phrase that matched whole, cut at clause breaks', () => {
		const list = Array.from({ length: 30 }, (_, i) => `tool${i}`).join(', ');
		const [k8s] = analyse(`Requirements\n- ${list}, Kubernetes operators, ${list}`).skills;
		const quote = k8s!.evidence[0]!;
		expect(quote).toContain('Kubernetes operators');
		expect(quote).toMatch(/^…tool\d+, .*, tool\d+…$/);
		// A match at the very end of a long line is still inside the quote.
		const tail = analyse(`Requirements\n- ${list}, ${list} and GitHub Actions`).skills[0]!;
		expect(tail.evidence[0]).toMatch(/GitHub Actions$/);
	});

	it('matches aliases case-insensitively and tolerant of punctuation', () => {
		const skills = byId('Requirements\n- k8s, ci/cd and Scikit Learn');
		expect([...skills.keys()].sort()).toEqual(['ci-cd', 'kubernetes', 'sklearn']);
	});
});
