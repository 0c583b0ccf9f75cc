import { describe, expect, it } from 'vitest';
import { buildAliasIndex, findAliasMatches } from '../aliases';
import { elidedMatches } from './ellipsis';

const index = buildAliasIndex([
	{ id: 'generative', aliases: ['diffusion models'] },
	{ id: 'multimodal', aliases: ['speech models', 'vision-language models'] },
	{ id: 'distributed', aliases: ['tensor parallelism', 'data parallelism'] }
]);
const elided = (sentence: string) =>
	elidedMatches(sentence, index, findAliasMatches(index, sentence)).map((m) => [
		m.skillId,
		sentence.slice(m.start, m.end)
	]);

describe('elidedMatches', () => {
	it('finds the name a coordination leaves out', () => {
		expect(elided('Experience serving diffusion or speech models.')).toEqual([
			['generative', 'diffusion or speech models']
		]);
		expect(elided('Scale with tensor and expert parallelism')).toEqual([
			['distributed', 'tensor and expert parallelism']
		]);
		expect(elided('data/tensor parallelism')).toEqual([['distributed', 'data/tensor parallelism']]);
	});

	it('adds nothing when the first name stands alone or is already matched', () => {
		expect(elided('diffusion and cooking')).toEqual([]);
		expect(elided('speech models and vision-language models')).toEqual([]);
		expect(elided('tensor parallelism or data parallelism')).toEqual([]);
	});
});
