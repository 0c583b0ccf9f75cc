import { describe, expect, it } from 'vitest';
import { excerpt, isBulleted, splitLines, splitSentences, stripBullet } from './text';

describe('text helpers', () => {
	it('splits lines, dropping blanks and normalising spaces', () => {
		expect(splitLines('a\r\n\r\n  b\u00a0 c  \n')).toEqual(['a', 'b c']);
	});

	it('strips bullets and list numbers', () => {
		expect(stripBullet('  • Python')).toBe('Python');
		expect(stripBullet('3. Docker')).toBe('Docker');
		expect(stripBullet('3.5 years')).toBe('3.5 years');
		expect(isBulleted('- item')).toBe(true);
		expect(isBulleted('+Nice to have')).toBe(false);
	});

	it('splits sentences but not after abbreviations', () => {
		expect(splitSentences('Use Docker. Ship it! Why? Because; yes')).toEqual([
			'Use Docker.',
			'Ship it!',
			'Why?',
			'Because;',
			'yes'
		]);
		expect(splitSentences('Tools, e.g. Docker or a Ph.D. Student.')).toEqual([
			'Tools, e.g. Docker or a Ph.D. Student.'
		]);
		expect(splitSentences('version 3.5 is fine')).toEqual(['version 3.5 is fine']);
	});

	it('cuts long sentences around the match at word boundaries', () => {
		const s = `${'alpha '.repeat(60)}Docker${' omega'.repeat(60)}`;
		const start = s.indexOf('Docker');
		const cut = excerpt(s, start, start + 6, 80);
		expect(cut).toMatch(/^….*Docker.*…$/);
		expect(cut.length).toBeLessThanOrEqual(82);
		expect(excerpt('short', 0, 5)).toBe('short');
	});
});
