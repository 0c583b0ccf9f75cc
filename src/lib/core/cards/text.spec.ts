import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	ankiHtmlToText,
	looksLikeHtml,
	markdownPreviewText,
	normaliseNewlines,
	textToAnkiHtml
} from './text';

describe('textToAnkiHtml / ankiHtmlToText', () => {
	it('escapes markup and keeps line breaks as <br>', () => {
		expect(textToAnkiHtml('a < b && "c"\nnext')).toBe('a &lt; b &amp;&amp; &quot;c&quot;<br>next');
	});

	it('reads the HTML that Anki’s editor writes', () => {
		expect(ankiHtmlToText('first<div>second</div><div>third&nbsp;line</div>')).toBe(
			'first\nsecond\nthird line'
		);
		expect(ankiHtmlToText('<b>bold</b> and <i>it</i> and <code>x()</code>')).toBe(
			'**bold** and *it* and `x()`'
		);
		expect(ankiHtmlToText('<img src="a.png">caption<!-- note -->')).toBe('caption');
		expect(ankiHtmlToText('&lt;br&gt; &#65;&#x42; &amp;lt; &bogus;')).toBe('<br> AB &lt; &bogus;');
	});

	it('reads markup as a browser tokenises it: quoted `>`, scripts and unfinished tags leave no text', () => {
		expect(ankiHtmlToText('<a title="x>y">link</a> <b class="k">bold</b>')).toBe('link **bold**');
		expect(ankiHtmlToText('<style>p { color: red }</style>text<script>alert(1)</script>')).toBe(
			'text'
		);
		expect(ankiHtmlToText('one<br/>two<!-- <b> -->three<div')).toBe('one\ntwothree');
		expect(ankiHtmlToText('a < b &amp;&amp; c > d')).toBe('a < b && c > d');
	});

	it('round-trips any text exactly', () => {
		// A boolean property: vitest's expect inside 100 runs of astral strings costs seconds.
		const property = fc.property(fc.string({ unit: 'binary' }), (s) => {
			const text = normaliseNewlines(s);
			return ankiHtmlToText(textToAnkiHtml(text)) === text;
		});
		expect(() => fc.assert(property, { numRuns: 500 })).not.toThrow();
	});
});

describe('looksLikeHtml', () => {
	it('spots Anki formatting but not generics or comparisons', () => {
		expect(looksLikeHtml('a<br>b')).toBe(true);
		expect(looksLikeHtml('<div>x</div>')).toBe(true);
		expect(looksLikeHtml('List<int> where a < b > c')).toBe(false);
		expect(looksLikeHtml('<span title="a>b">x</span>')).toBe(true);
		expect(looksLikeHtml('a <!-- <div> --> b')).toBe(false);
	});
});

describe('markdownPreviewText', () => {
	it('drops Markdown marks but keeps the words and the code', () => {
		expect(
			markdownPreviewText(
				'## Why copy `requirements.txt` **first**?\n```dockerfile\nCOPY . .\n```\nSee [the docs](https://docs.docker.com) and *this*.'
			)
		).toBe('Why copy requirements.txt first?\nCOPY . .\nSee the docs and this.');
		expect(markdownPreviewText('2 * 3 * 4 = 24, a_b_c')).toBe('2 * 3 * 4 = 24, a_b_c');
		expect(markdownPreviewText('**a *b* and __c__** [x [y](z)')).toBe('a b and c [x y');
	});
});
