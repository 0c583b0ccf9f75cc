// The analyser on twenty-four more 2025–26 postings (tests/fixtures/jd-2026-more/), against the
// readings written before it read them (jd-2026-more-expected.yaml): the bar, recall
// ≥ 0.90 and must/nice ≥ 0.85 over them all, no posting read badly, and every title right.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';
import { getAliasIndex, getGraph } from '$lib/server/content';
import { analyzeJobDescription } from '$lib/core/jd';

interface Reading {
	title: string;
	must: string[];
	nice: string[];
}

const DIR = path.resolve('tests/fixtures/jd-2026-more');
const readings = parse(
	readFileSync(path.resolve('tests/fixtures/jd-2026-more-expected.yaml'), 'utf8')
) as Record<string, Reading>;

const results = Object.entries(readings).map(([file, reading]) => {
	const text = readFileSync(path.join(DIR, file), 'utf8');
	const analysis = analyzeJobDescription(text, getGraph(), getAliasIndex());
	const found = new Map(analysis.skills.map((s) => [s.id, s.importance]));
	const want = new Map([
		...reading.must.map((id) => [id, 'must'] as const),
		...reading.nice.map((id) => [id, 'nice'] as const)
	]);
	const both = [...want.keys()].filter((id) => found.has(id));
	return {
		file,
		reading,
		title: analysis.title,
		wanted: want.size,
		found: both.length,
		right: both.filter((id) => found.get(id) === want.get(id)).length,
		missed: [...want.keys()].filter((id) => !found.has(id))
	};
});

it('reads the skills of every posting with the skills the graph has', () => {
	for (const { reading } of results)
		for (const id of [...reading.must, ...reading.nice])
			expect(getGraph().skillById.has(id), id).toBe(true);
});

it('finds at least 90 % of what the postings ask for, and at least 80 % of each', () => {
	const sum = (k: 'wanted' | 'found' | 'right') => results.reduce((n, r) => n + r[k], 0);
	for (const r of results) {
		console.info(`${r.file}: ${r.found}/${r.wanted}, missed [${r.missed.join(', ')}]`);
		expect(r.found / r.wanted, r.file).toBeGreaterThanOrEqual(0.8);
	}
	expect(sum('found') / sum('wanted')).toBeGreaterThanOrEqual(0.9);
	expect(sum('right') / sum('found')).toBeGreaterThanOrEqual(0.85);
});

it('names each target from the job title', () => {
	for (const r of results) expect(r.title, r.file).toBe(r.reading.title);
});
