import { describe, expect, it } from 'vitest';
import { boundedEdits, wordEdits } from './typo';

describe('boundedEdits', () => {
	it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
		expect(boundedEdits('pytorch', 'pytorch', 2)).toBe(0);
		expect(boundedEdits('pytroch', 'pytorch', 2)).toBe(1);
		expect(boundedEdits('kubernets', 'kubernetes', 2)).toBe(1);
		expect(boundedEdits('fareness', 'fairness', 2)).toBe(2);
		expect(boundedEdits('responsiblities', 'responsibilities', 2)).toBe(1);
	});

	it('gives up past the bound', () => {
		expect(boundedEdits('docker', 'kafka', 1)).toBe(2);
		expect(boundedEdits('a', 'abcdef', 2)).toBe(3);
	});
});

describe('wordEdits', () => {
	it('tolerates one edit from five letters and two from eight, none below', () => {
		expect(wordEdits('drfit', 'drift', false)).toBe(1);
		expect(wordEdits('fareness', 'fairness', false)).toBe(2);
		expect(wordEdits('drift', 'drift', false)).toBe(0);
		expect(wordEdits('sql', 'sqs', false)).toBe(Infinity);
		// Short words are too alike to guess at: "data" is one edit from "date" and "beta".
		expect(wordEdits('lora', 'lola', false)).toBe(Infinity);
	});

	it('reads an unfinished last word as a prefix, typos included', () => {
		expect(wordEdits('kuberm', 'kubernetes', true)).toBe(1);
		expect(wordEdits('kubern', 'kubernetes', true)).toBe(0);
		expect(wordEdits('kuberm', 'kubernetes', false)).toBe(Infinity);
	});
});
