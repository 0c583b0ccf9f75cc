import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ankiHtmlToText, looksLikeHtml, normaliseNewlines, textToAnkiHtml } from './text';

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

	it('round-trips any text exactly', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (s) => {
				const text = normaliseNewlines(s);
				expect(ankiHtmlToText(textToAnkiHtml(text))).toBe(text);
			})
		);
	});
});

describe('looksLikeHtml', () => {
	it('spots Anki formatting but not generics or comparisons', () => {
		expect(looksLikeHtml('a<br>b')).toBe(true);
		expect(looksLikeHtml('<div>x</div>')).toBe(true);
		expect(looksLikeHtml('List<int> where a < b > c')).toBe(false);
	});
});
