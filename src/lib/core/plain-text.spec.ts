import { describe, expect, it } from 'vitest';
import { describeTextProblem, findTextProblem, textProblem } from './plain-text';

describe('storable text', () => {
	it('accepts tab, newline, CRLF and any printable Unicode', () => {
		for (const text of ['', 'a\tb\nc', 'line\r\nline', 'Ünïcödé — 日本語 🙂', '\u00a0\u2003'])
			expect(textProblem(text), JSON.stringify(text)).toBeNull();
	});

	it('refuses NUL, other C0 and C1 controls, DEL, a lone CR and lone surrogates', () => {
		const bad: [string, RegExp][] = [
			['a\u0000b', /U\+0000/],
			['\u0007', /U\+0007/],
			['a\rb', /U\+000D/],
			['\u001b[31m', /U\+001B/],
			['\u007f', /U\+007F/],
			['\u0085', /U\+0085/],
			['x\ud800', /lone surrogate/],
			['\udc00y', /lone surrogate/]
		];
		for (const [text, message] of bad) expect(textProblem(text)).toMatch(message);
	});

	it('names the first bad string of a document, keys included, in document order', () => {
		const doc = { a: ['ok', { b: 'x\u0000' }], c: 'y\u0001' };
		expect(findTextProblem(doc)).toEqual({
			path: 'a[1].b',
			message: expect.stringMatching(/U\+0000/)
		});
		expect(findTextProblem({ ok: 1, ['k\u0002']: 2 })?.path).toBe('k\u0002');
		expect(findTextProblem({ ok: [1, true, null, 'fine'] })).toBeNull();
		expect(describeTextProblem({ path: '', message: 'contains x.' }, 'The body')).toBe(
			'The body contains x.'
		);
	});

	it('walks a large document without recursion limits', () => {
		const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i}`, front: 'f' }));
		rows.push({ id: 'last', front: '\u0000' });
		expect(findTextProblem({ rows })?.path).toBe('rows[200000].front');
		let deep: unknown = 'x';
		for (let i = 0; i < 100; i++) deep = [deep];
		expect(findTextProblem(deep)?.message).toMatch(/nested too deeply/);
	});
});
