// The analyser on three 2026 postings (an applied-AI/agents engineer, a GPU inference
// engineer, an ML-platform engineer), read by hand in tests/fixtures/jd-2026-expected.yaml:
// the skills found (recall, precision), must/nice, the levels the posting settles, the title
// and the terms it must list as unmatched. Against the real graph in content/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findAliasMatches } from '$lib/core/aliases';
import { getAliasIndex, getGraph } from '$lib/server/content';
import { analyzeJobDescription, analyzeJobDescriptionWithBasis } from '$lib/core/jd';

interface Reading {
	title: string;
	role?: string;
	must: string[];
	nice: string[];
	levels: Record<string, number>;
	unmatched: string[];
}

const DIR = path.resolve('tests/fixtures/jd-2026');
const readings = parse(
	readFileSync(path.resolve('tests/fixtures/jd-2026-expected.yaml'), 'utf8')
) as Record<string, Reading>;
const analyse = (file: string) =>
	analyzeJobDescription(readFileSync(path.join(DIR, file), 'utf8'), getGraph(), getAliasIndex());

describe.each(Object.entries(readings))('the 2026 posting %s', (file, reading) => {
	const analysis = analyse(file);
	const found = new Map(analysis.skills.map((s) => [s.id, s]));
	const want = new Map([
		...reading.must.map((id) => [id, 'must'] as const),
		...reading.nice.map((id) => [id, 'nice'] as const)
	]);

	it('is read with skills that exist in the graph', () => {
		for (const id of want.keys()) expect(getGraph().skillById.has(id), id).toBe(true);
	});

	it('finds at least 90 % of what it asks for, and little else', () => {
		const missed = [...want.keys()].filter((id) => !found.has(id));
		const extra = [...found.keys()].filter((id) => !want.has(id));
		console.info(`${file}: missed [${missed.join(', ')}], extra [${extra.join(', ')}]`);
		expect(1 - missed.length / want.size).toBeGreaterThanOrEqual(0.9);
		expect(1 - extra.length / found.size).toBeGreaterThanOrEqual(0.8);
	});

	it('tells must from nice as the reading does (at least 90 %)', () => {
		const both = [...want.keys()].filter((id) => found.has(id));
		const wrong = both.filter((id) => found.get(id)!.importance !== want.get(id));
		console.info(`${file}: importance differs for [${wrong.join(', ')}]`);
		expect(1 - wrong.length / both.length).toBeGreaterThanOrEqual(0.9);
		// What the posting states outright is never misread.
		for (const id of reading.nice.filter((id) => reading.levels[id] !== undefined)) {
			expect(found.get(id)?.importance, id).toBe('nice');
		}
	});

	it('proposes the levels the posting settles, with a reason', () => {
		for (const [id, level] of Object.entries(reading.levels)) {
			const skill = found.get(id);
			expect(skill?.targetLevel, `${id}: ${skill?.levelReason}`).toBe(level);
			expect(skill?.levelReason).toMatch(new RegExp(`^Level ${level}: .+\\.$`));
		}
	});

	it('quotes the phrase behind every skill', () => {
		for (const skill of analysis.skills) {
			for (const quote of skill.evidence) {
				const names = getAliasIndex();
				expect(quote.length).toBeLessThanOrEqual(162);
				const ids = analyzeJobDescription(quote, getGraph(), names).skills.map((s) => s.id);
				expect(ids, `${skill.id} in “${quote}”`).toContain(skill.id);
			}
		}
	});

	it.runIf(reading.role)('takes its levels from the role profile it is', () => {
		const text = readFileSync(path.join(DIR, file), 'utf8');
		const { basis } = analyzeJobDescriptionWithBasis(text, getGraph(), getAliasIndex());
		expect(basis.roleId).toBe(reading.role);
	});

	it('takes its title as the target name and never drops a term silently', () => {
		expect(analysis.title).toBe(reading.title);
		// The graph keeps learning names; a term is either placed by it now or listed.
		for (const term of reading.unmatched) {
			const placed = findAliasMatches(getAliasIndex(), term).length > 0;
			expect(placed || analysis.unmatched.includes(term), term).toBe(true);
		}
	});
});
