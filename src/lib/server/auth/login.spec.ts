import { describe, expect, it } from 'vitest';
import { safeNext } from './login';

const ORIGIN = 'http://localhost:4173';

/** A Location value that is a valid HTTP header and that a browser resolves on this origin. */
function staysHome(location: string) {
	expect(location).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
	expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
}

describe('safeNext', () => {
	// Each as `url.searchParams.get('next')` returns it, i.e. after one round of decoding.
	const hostile: [string, string][] = [
		['tab before a second slash', '/\t/evil.example/phish'],
		['newline', '/\n/evil.example'],
		['carriage return', '/\r/evil.example'],
		['backslash', '\\evil.example'],
		['slash backslash', '/\\evil.example'],
		['backslash slash', '/\\/evil.example'],
		['protocol-relative', '//evil.example'],
		['three slashes', '///evil.example'],
		['dot segment to two slashes', '/.//evil.example'],
		['dot-dot segment to two slashes', '/a/../..//evil.example'],
		['encoded dot segment', '/%2e//evil.example'],
		['javascript:', 'javascript:alert(1)'],
		['data:', 'data:text/html,<script>alert(1)</script>'],
		['absolute URL elsewhere', 'https://evil.example/today'],
		['absolute URL on the same host, other port', 'http://localhost:9999/today'],
		['leading space', ' //evil.example'],
		['empty', ''],
		['very long', '/' + 'a'.repeat(5000)]
	];
	it.each(hostile)('sends %s to /today', (_name, next) => {
		expect(safeNext(next, ORIGIN)).toBe('/today');
	});

	const odd: [string, string, string][] = [
		['an encoded double slash (one path segment here)', '/%2F%2Fevil', '/%2F%2Fevil'],
		['an ideographic space', '/\u3000', '/%E3%80%80'],
		['a no-break space in the query', '/today?q=\u00a0', '/today?q=%C2%A0'],
		['a line separator', '/\u2028x', '/%E2%80%A8x'],
		['a NUL byte', '/a\u0000b', '/a%00b'],
		['a tab inside a segment', '/to\tday', '/today'],
		['a CR LF header injection', '/x\r\nSet-Cookie: a=b', '/xSet-Cookie:%20a=b'],
		['a path named like a scheme', '/javascript:alert(1)//', '/javascript:alert(1)//']
	];
	it.each(odd)('keeps %s on the app, percent-encoded', (_name, next, expected) => {
		const location = safeNext(next, ORIGIN);
		expect(location).toBe(expected);
		staysHome(location);
	});

	it('keeps a same-origin path with its query and fragment', () => {
		expect(safeNext('/cards/export?format=csv#top', ORIGIN)).toBe('/cards/export?format=csv#top');
		expect(safeNext('/today', 'https://gapwise.example/login?next=x')).toBe('/today');
	});

	it('never answers anything a browser would take off the app', () => {
		const alphabet = [
			'/',
			'\\',
			'.',
			'\t',
			'\n',
			'\r',
			'%',
			'2',
			'e',
			'f',
			':',
			'?',
			'#',
			'@',
			'x'
		];
		// Every string of up to four of these after a leading slash: 15^4 ≈ 51k cases.
		const walk = (prefix: string, depth: number) => {
			staysHome(safeNext(prefix, ORIGIN));
			if (depth === 0) return;
			for (const c of alphabet) walk(prefix + c, depth - 1);
		};
		walk('/', 4);
	});
});
