import { describe, expect, it } from 'vitest';
import { cardContentHash, normaliseForHash } from './hash';

describe('content hash', () => {
	it('ignores case, runs of whitespace and outer space', () => {
		expect(normaliseForHash('  What  IS\n\tDocker? ')).toBe('what is docker?');
		expect(cardContentHash('What is Docker?', 'A tool')).toBe(
			cardContentHash('what  is docker?\n', '  a TOOL')
		);
	});

	it('folds compatibility forms (full-width, ligatures)', () => {
		expect(cardContentHash('ﬁle', 'ＡＢＣ')).toBe(cardContentHash('file', 'abc'));
	});

	it('tells front from back and different words apart', () => {
		expect(cardContentHash('a', 'b')).not.toBe(cardContentHash('b', 'a'));
		expect(cardContentHash('a b', 'c')).not.toBe(cardContentHash('a', 'b c'));
		expect(cardContentHash('x', 'y')).toMatch(/^[0-9a-f]{64}$/);
	});
});
