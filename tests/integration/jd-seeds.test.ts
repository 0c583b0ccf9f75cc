// The analyser against the five seed job descriptions, read by hand in
// tests/fixtures/jd-expected.yaml. Precision = found skills that the reading expects / found;
// recall = expected skills found / expected; both pooled over the five documents (micro average).
// Importance agreement = skills found and expected whose must/nice matches / skills found and
// expected.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { getAliasIndex, getGraph } from '$lib/server/content';
import { analyzeJobDescription } from '$lib/core/jd';

type Expected = Record<string, { must: string[]; nice: string[] }>;

const SEEDS_DIR = process.env.SEEDS_DIR ?? '/work/shared/seeds';
const expected = parse(
	readFileSync(path.resolve('tests/fixtures/jd-expected.yaml'), 'utf8')
) as Expected;

interface Score {
	file: string;
	truePositives: string[];
	falsePositives: string[];
	falseNegatives: string[];
	importanceAgreed: number;
}

function score(file: string): Score {
	const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
	const { skills } = analyzeJobDescription(text, getGraph(), getAliasIndex());
	const want = new Map<string, string>([
		...expected[file]!.must.map((id) => [id, 'must'] as const),
		...expected[file]!.nice.map((id) => [id, 'nice'] as const)
	]);
	const found = new Map(skills.map((s) => [s.id, s.importance]));
	const truePositives = [...found.keys()].filter((id) => want.has(id));
	return {
		file,
		truePositives,
		falsePositives: [...found.keys()].filter((id) => !want.has(id)),
		falseNegatives: [...want.keys()].filter((id) => !found.has(id)),
		importanceAgreed: truePositives.filter((id) => found.get(id) === want.get(id)).length
	};
}

describe('job-description analyser on the seed documents', () => {
	const scores = Object.keys(expected).map(score);
	const tp = scores.reduce((n, s) => n + s.truePositives.length, 0);
	const fp = scores.reduce((n, s) => n + s.falsePositives.length, 0);
	const fn = scores.reduce((n, s) => n + s.falseNegatives.length, 0);
	const agreed = scores.reduce((n, s) => n + s.importanceAgreed, 0);
	const precision = tp / (tp + fp);
	const recall = tp / (tp + fn);
	const importance = agreed / tp;

	it('reports precision, recall and importance agreement', () => {
		for (const s of scores) {
			console.info(
				`${s.file}: tp ${s.truePositives.length}, fp ${s.falsePositives.length} [${s.falsePositives.join(', ')}], fn ${s.falseNegatives.length} [${s.falseNegatives.join(', ')}], importance ${s.importanceAgreed}/${s.truePositives.length}`
			);
		}
		console.info(
			`precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} importance ${importance.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`
		);
		expect(precision).toBeGreaterThanOrEqual(0.85);
		expect(recall).toBeGreaterThanOrEqual(0.9);
		expect(importance).toBeGreaterThanOrEqual(0.8);
	});

	it("reads the seeds' own structure: lists, hedges and evidence", () => {
		const analyse = (file: string) =>
			new Map(
				analyzeJobDescription(
					readFileSync(path.join(SEEDS_DIR, file), 'utf8'),
					getGraph(),
					getAliasIndex()
				).skills.map((s) => [s.id, s])
			);
		const guide = analyse('000_3d63e902e0946ca6.txt');
		expect(guide.get('docker')?.importance).toBe('must');
		expect(guide.get('kubernetes')?.importance).toBe('nice');
		expect(guide.get('prompt-engineering')?.importance).toBe('nice');
		expect(guide.get('docker')?.evidence[0]).toBe('Docker and containerized model serving');
		const hiring = analyse('001_0421ab21f8f11d96.txt');
		expect(hiring.get('python-packaging')?.importance).toBe('must');
		expect(hiring.get('llm-alignment')?.importance).toBe('nice');
		expect(hiring.get('embeddings-vector-search')?.evidence[0]).toBe(
			'Familiarity with vector databases and embedding-based retrieval systems'
		);
		// Salary tables, cover letters and career paths ask for nothing.
		const board = analyse('002_9b75db939d26fd35.txt');
		for (const s of board.values()) {
			for (const e of s.evidence) expect(e).not.toMatch(/Dear Hiring Manager|\[Your Name\]/);
		}
		// "Expert-level Python proficiency" proposes the top level.
		expect(analyse('003_65d71f68809e2a92.txt').get('python')?.targetLevel).toBe(4);
	});
});
