import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeJobDescription, analyzeJobDescriptionWithBasis } from './analyze';
import { closestRole } from './role';
import { proposeLevel, type LevelInput } from './levels';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);
const analyse = (text: string) => analyzeJobDescription(text, graph, index);
const byId = (text: string) => new Map(analyse(text).skills.map((s) => [s.id, s]));

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

	it('asks at most mid-level of a posting that states no seniority', () => {
		// Only the senior profile lists CI/CD: the posting resembles it, but says nothing of rank.
		const text = 'Requirements\n- Python, Docker, PyTorch, Kubernetes and CI/CD';
		const r = analyzeJobDescriptionWithBasis(text, graph, index);
		expect(r.basis).toMatchObject({ roleId: 'senior', tier: null });
		const python = r.skills.find((s) => s.id === 'python')!;
		expect(python.targetLevel).toBe(3);
		expect(python.levelReason).toBe(
			'Level 3: the closest role profile, senior, asks for 4, one step down for a posting that states no seniority (read as at most mid-level).'
		);
		const senior = analyzeJobDescriptionWithBasis(`Senior ML Engineer\n\n${text}`, graph, index);
		expect(senior.skills.find((s) => s.id === 'python')?.targetLevel).toBe(4);
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

	it('gives the skill a title names the level the role implies, and says so', () => {
		const skills = byId('Senior Kubernetes Engineer\n\nRequirements\n- Kubernetes and Python');
		expect(skills.get('kubernetes')).toMatchObject({
			targetLevel: 4,
			levelReason:
				'Level 4: the job is about it (its title, “Senior Kubernetes Engineer”, names it), at senior level.'
		});
	});

	it('gives a skill asked for again and again a specialist level', () => {
		const skills = byId(
			'Requirements\n- Docker images\n- Docker networking\n- Docker security\n- Python'
		);
		expect(skills.get('docker')?.targetLevel).toBe(3);
		expect(skills.get('docker')?.levelReason).toMatch(/3 of its sentences ask for it/);
		expect(skills.get('python')?.targetLevel).toBeLessThan(3);
	});

	it('names the phrase that set or capped a level', () => {
		const skills = byId('Requirements\n- Expert in Python.\n- Exposure to PyTorch.');
		expect(skills.get('python')?.levelReason).toBe('Level 4: the posting asks for “Expert”.');
		expect(skills.get('pytorch')?.levelReason).toBe('Level 1: “Exposure to” asks for no more.');
	});

	it('takes levels from what asks for the skill, not from a company blurb', () => {
		const text = 'Acme has expert Docker teams.\nRequirements\n- Familiarity with Docker';
		expect(byId(text).get('docker')).toMatchObject({ importance: 'must', targetLevel: 2 });
	});

	it('does not read "expert parallelism" as asking for an expert', () => {
		const skills = byId('Requirements\n- PyTorch with tensor and expert parallelism');
		expect(skills.get('pytorch')?.targetLevel).toBeLessThan(4);
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

	it('finds no role when none resembles the posting', () => {
		const found = new Map([
			['ci-cd', 'must'],
			['sklearn', 'must']
		] as const);
		expect(closestRole(graph.roles, found)).toBeNull();
		const r = analyzeJobDescriptionWithBasis('Requirements\n- CI/CD\n- sklearn', graph, index);
		expect(r.basis.roleId).toBeNull();
		expect(r.skills[0]?.levelReason).toBe('Level 2: the usual level of a must-have skill.');
	});
});

describe('proposeLevel from a role profile', () => {
	const input = (over: Partial<LevelInput>): LevelInput => ({
		importance: 'must',
		role: { name: 'Senior MLE', level: 1 },
		roleShift: 0,
		tier: 2,
		focus: null,
		cues: [],
		...over
	});

	it('asks at least 2 of a requirement, whatever the profile gives', () => {
		const r = proposeLevel(input({}));
		expect(r.level).toBe(2);
		expect(r.reason).toContain('a requirement asks at least 2');
		// "Familiarity with" still caps it.
		const capped = { at: 0, end: 10, text: 'exposure to', bounds: { floor: 0, ceiling: 1 } };
		expect(proposeLevel(input({ cues: [capped] })).level).toBe(1);
	});

	it('asks no more than 2 of a nice-to-have in a senior posting, 1 otherwise, unless the text says more', () => {
		const nice = { importance: 'nice' as const, role: { name: 'MLOps', level: 3 }, roleShift: 1 };
		expect(proposeLevel(input(nice)).level).toBe(2);
		expect(proposeLevel(input({ ...nice, tier: 1 })).level).toBe(1);
		const strong = { at: 0, end: 6, text: 'strong', bounds: { floor: 3, ceiling: 3 } };
		expect(proposeLevel(input({ ...nice, cues: [strong] })).level).toBe(3);
	});
});
