import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeJobDescription } from './analyze';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);
const analyse = (text: string) => analyzeJobDescription(text, graph, index);

describe('unrecognised terms', () => {
	it('lists tool-like names the graph does not know, once each', () => {
		const { unmatched } = analyse(
			'Requirements\n- Experience with LangSmith, Python and MLIR.\n- LangSmith again; A10G GPUs.'
		);
		expect(unmatched).toEqual(['LangSmith', 'MLIR', 'A10G']);
	});

	it('lists a plain capitalised word only when it sits in a list beside a known tool', () => {
		expect(analyse('Requirements\n- Python, Polaris, or Docker').unmatched).toEqual(['Polaris']);
		expect(analyse('Requirements\n- Docker, ResNeXt, and U-Net').unmatched).toEqual([
			'ResNeXt',
			'U-Net'
		]);
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

	it('reads 3D as geometry, not as an amount of days', () => {
		expect(analyse('Requirements\n- Experience with 3D Gaussian Splatting').unmatched).toEqual([
			'3D Gaussian Splatting'
		]);
	});

	it('lists technical noun phrases the graph has no skill for', () => {
		const { unmatched } = analyse(
			'Requirements\n- Experience with anomaly detection and reinforcement learning in production.\n- Scale inference with expert parallelism.'
		);
		expect(unmatched).toEqual([
			'anomaly detection',
			'reinforcement learning',
			'expert parallelism'
		]);
	});

	it('lists phrases headed by a technical noun that ends in -ing, like "edge computing"', () => {
		const { unmatched } = analyse(
			'Requirements\n- Python.\n- Knowledge of edge computing frameworks is a plus.\n- Build multi-object tracking systems.'
		);
		expect(unmatched).toEqual(['edge computing', 'multi-object tracking']);
	});

	it('leaves out ordinary phrases, verb forms and duties that start with a verb', () => {
		const { unmatched } = analyse(`What you'll do
- Harden agents against attacks.
- Build new models and deploy trained models; improve deploying models.`);
		expect(unmatched).toEqual([]);
	});

	it('follows a list of names past the first one the graph knows', () => {
		const { unmatched } = analyse('Requirements\n- Python, Claude, Qwen and Gemini');
		expect(unmatched).toEqual(['Claude', 'Qwen', 'Gemini']);
	});

	it('never drops a term to keep the list short', () => {
		const names = Array.from({ length: 45 }, (_, i) => `Tool${i}X`);
		expect(analyse(`Requirements\n- ${names.join(', ')}`).unmatched).toEqual(names);
	});
});
