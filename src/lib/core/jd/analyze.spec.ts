import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeJobDescription, analyzeJobDescriptionWithBasis, closestRole } from './analyze';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);
const analyse = (text: string) => analyzeJobDescription(text, graph, index);
const byId = (text: string) => new Map(analyse(text).skills.map((s) => [s.id, s]));

describe('analyzeJobDescription', () => {
	it('returns nothing for text that names no skill', () => {
		expect(analyse('')).toEqual({ skills: [], unmatched: [] });
		expect(analyse('We value kindness and curiosity.')).toEqual({ skills: [], unmatched: [] });
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

	it('lets hedging phrases make a skill nice inside a requirements list', () => {
		const skills = byId(`What you'll need
- Strong Python.
- Kubernetes is a bonus.
- Familiarity with Docker.
- Exposure to PyTorch.
- CI/CD experience a plus.`);
		expect(skills.get('python')?.importance).toBe('must');
		for (const id of ['kubernetes', 'docker', 'pytorch', 'ci-cd']) {
			expect(skills.get(id)?.importance, id).toBe('nice');
		}
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

	it('uses descriptive text only with requirement language', () => {
		const skills = byId(`About the role
You will need Docker every day. Our platform also runs on Kubernetes.`);
		expect(skills.get('docker')?.importance).toBe('must');
		expect(skills.get('kubernetes')?.importance).toBe('nice');
		// A question asks the reader, it states no requirement.
		expect(byId('FAQ\nDo you need PyTorch?').get('pytorch')?.importance).toBe('nice');
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
		expect(docker!.evidence[0]!.length).toBeLessThanOrEqual(242);
		expect(docker!.evidence[0]).toContain('Docker');
		expect(docker!.evidence[0]!.startsWith('…')).toBe(true);
	});

	it('matches aliases case-insensitively and tolerant of punctuation', () => {
		const skills = byId('Requirements\n- k8s, ci/cd and Scikit Learn');
		expect([...skills.keys()].sort()).toEqual(['ci-cd', 'kubernetes', 'sklearn']);
	});
});

describe('proposed target levels', () => {
	it("takes the closest role profile's levels when the text states no seniority", () => {
		const r = analyzeJobDescriptionWithBasis(
			'Requirements\n- Python\n- Docker\n- PyTorch\n- Kubernetes',
			graph,
			index
		);
		expect(r.basis).toEqual({ roleId: 'mid', years: null, tier: null });
		expect(new Map(r.skills.map((s) => [s.id, s.targetLevel]))).toEqual(
			new Map([
				['python', 3],
				['docker', 2],
				['pytorch', 3],
				['kubernetes', 2]
			])
		);
	});

	it('raises levels one step for a senior text matched to a mid profile', () => {
		const text = 'Requirements\n- 6+ years of experience\n- Python, Docker, PyTorch, Kubernetes';
		const r = analyzeJobDescriptionWithBasis(text, graph, index);
		expect(r.basis.years).toBe(6);
		expect(r.basis.tier).toBe(2);
		const levels = new Map(r.skills.map((s) => [s.id, s.targetLevel]));
		if (r.basis.roleId === 'mid') expect(levels.get('docker')).toBe(3);
		else expect(r.basis.roleId).toBe('senior');
	});

	it('reads a title word as seniority', () => {
		const text = 'Senior ML Engineer\n\nRequirements\n- Python\n- Docker';
		expect(analyzeJobDescriptionWithBasis(text, graph, index).basis.tier).toBe(2);
		const junior = 'Junior ML Engineer\n\nRequirements\n- Python\n- Docker';
		expect(analyzeJobDescriptionWithBasis(junior, graph, index).basis.tier).toBe(0);
	});

	it('lets "expert" and "hands-on" raise and "familiarity" cap a skill\'s level', () => {
		const skills = byId(`Requirements
- Expert in Python.
- Hands-on experience with Helm.
- Familiarity with PyTorch.
- Exposure to GitHub Actions.`);
		expect(skills.get('python')?.targetLevel).toBe(4);
		expect(skills.get('kubernetes')?.targetLevel).toBe(3);
		expect(skills.get('pytorch')?.targetLevel).toBeLessThanOrEqual(2);
		expect(skills.get('ci-cd')?.targetLevel).toBe(1);
	});

	it('applies a cue to the skills after it, not to every skill in the sentence', () => {
		const skills = byId('Requirements\n- Deep expertise in Python, and familiarity with Docker.');
		expect(skills.get('python')?.targetLevel).toBe(4);
		expect(skills.get('docker')?.targetLevel).toBeLessThanOrEqual(2);
	});

	it('keeps every level within 1–4', () => {
		const { skills } = analyse('Staff engineer\nRequirements\n- World-class Python, expert Docker');
		for (const s of skills) {
			expect(s.targetLevel).toBeGreaterThanOrEqual(1);
			expect(s.targetLevel).toBeLessThanOrEqual(4);
		}
	});
});

describe('unrecognised terms', () => {
	it('lists tool-like names the graph does not know, once each', () => {
		const { unmatched } = analyse(
			'Requirements\n- Experience with LangSmith, Python and MLIR.\n- LangSmith again; A10G GPUs.'
		);
		expect(unmatched).toEqual(['LangSmith', 'MLIR', 'A10G']);
	});

	it('lists a plain capitalised word only when it sits in a list beside a known tool', () => {
		expect(analyse('Requirements\n- Python, Polaris, or Docker').unmatched).toEqual(['Polaris']);
		expect(analyse('Requirements\n- Work with Google Brain and Meta on Python').unmatched).toEqual(
			[]
		);
	});

	it('leaves out generic acronyms, units, domains and glued words', () => {
		const { unmatched } = analyse(
			'Requirements\n- ML and AI APIs at 100ms p95 with KPIs, see JobBoard.com, engineeringDocker.'
		);
		expect(unmatched).toEqual([]);
	});
});

describe('closestRole', () => {
	it('prefers the profile whose weighted skills overlap most', () => {
		const found = new Map([
			['python', 'must'],
			['docker', 'must'],
			['pytorch', 'must']
		] as const);
		expect(closestRole(graph.roles, found)?.id).toBe('junior');
		expect(closestRole(graph.roles, new Map())).toBeNull();
	});
});
