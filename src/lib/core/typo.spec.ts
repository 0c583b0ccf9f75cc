import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boundedEdits, wordEdits } from './typo';

describe('boundedEdits', () => {
	it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
		expect(boundedEdits('pytorch', 'pytorch', 2)).toBe(0);
		expect(boundedEdits('pytroch', 'pytorch', 2)).toBe(1);
		expect(boundedEdits('kubernets', 'kubernetes', 2)).toBe(1);
		expect(boundedEdits('fareness', 'fairness', 2)).toBe(2);
		expect(boundedEdits('responsiblities', 'responsibilities', 2)).toBe(1);
	});

	it('equals the textbook distance whenever that is within the bound', () => {
		const osa = (a: string, b: string): number => {
			const d = Array.from({ length: a.length + 1 }, (_, i) =>
				Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
			);
			for (let i = 1; i <= a.length; i++)
				for (let j = 1; j <= b.length; j++) {
					const cost = a[i - 1] === b[j - 1] ? 0 : 1;
					d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
					if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
						d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
				}
			return d[a.length]![b.length]!;
		};
		const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 40 });
		fc.assert(
			fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
				expect(boundedEdits(a, b, max)).toBe(Math.min(osa(a, b), max + 1));
			}),
			{ numRuns: 500 }
		);
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
