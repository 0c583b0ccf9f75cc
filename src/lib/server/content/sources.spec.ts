import { describe, expect, it } from 'vitest';
import { isHomePage } from './sources';

describe('isHomePage', () => {
	it('flags front pages and documentation roots', () => {
		for (const url of [
			'https://docs.feast.dev/',
			'https://fairlearn.org',
			'https://kafka.apache.org/documentation/',
			'https://docs.jax.dev/en/latest/',
			'https://hypothesis.readthedocs.io/en/latest/',
			'https://python.langchain.com/docs/introduction/'
		])
			expect(isHomePage(url), url).toBe(true);
	});

	it('accepts pages that state something', () => {
		for (const url of [
			'https://docs.feast.dev/getting-started/concepts/point-in-time-joins',
			'https://kafka.apache.org/documentation/#semantics',
			'https://arxiv.org/abs/2005.11401',
			'https://docs.vllm.ai/en/latest/features/quantization/'
		])
			expect(isHomePage(url), url).toBe(false);
	});
});
