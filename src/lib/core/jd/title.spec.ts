import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeJobDescription } from './analyze';
import { splitLines } from './text';
import { jobTitle } from './title';

const titleOf = (text: string) => jobTitle(splitLines(text))?.text ?? null;

describe('jobTitle', () => {
	it.each([
		[
			'Senior Software Engineer, GPU Inference\n\nHelix Compute',
			'Senior Software Engineer, GPU Inference'
		],
		[
			'← Job description templates Engineering\nMachine Learning Engineer Job Description\nA Machine Learning Engineer closes the gap.',
			'Machine Learning Engineer'
		],
		['Machine Learning Engineer Sample Job Descriptions', 'Machine Learning Engineer'],
		['Job title: Staff ML Engineer\nRequirements', 'Staff ML Engineer'],
		['ML Platform Engineer · Acme · Remote', 'ML Platform Engineer'],
		['Founding ML Engineer @ Tessellate (seed, SF / remote-friendly)', 'Founding ML Engineer'],
		[
			'Acme is growing fast.\nWe’re hiring a Senior Applied Scientist to build ranking.',
			'Senior Applied Scientist'
		]
	])('%j → %s', (text, title) => {
		expect(titleOf(text)).toBe(title);
	});

	it('finds none where the text names no job', () => {
		expect(titleOf('Requirements\n- Python')).toBeNull();
		expect(titleOf('What to look for in a great Machine Learning Engineer')).toBeNull();
		expect(titleOf('What Does a Machine Learning Engineer Do?')).toBeNull();
	});

	it('is part of the analysis', () => {
		const graph = smallGraph();
		const analysis = analyzeJobDescription(
			'Applied AI Engineer, Agents\nRequirements\n- Python',
			graph,
			buildAliasIndex(graph.skills)
		);
		expect(analysis.title).toBe('Applied AI Engineer, Agents');
	});
});
