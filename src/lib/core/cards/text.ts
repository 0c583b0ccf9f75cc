// Card text is Markdown. Anki's text files carry HTML (`#html:true`), so text crosses that
// boundary through this pair, which round-trips exactly: ankiHtmlToText(textToAnkiHtml(s)) === s.

/** One newline convention in storage, whatever the browser or file sent. */
export function normaliseNewlines(text: string): string {
	return text.replace(/\r\n?/g, '\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Markdown source as an Anki HTML field: shown literally, line breaks kept. */
export function textToAnkiHtml(text: string): string {
	return normaliseNewlines(text)
		.replace(/[&<>"]/g, (c) => ESCAPES[c]!)
		.replace(/\n/g, '<br>');
}

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	// Anki's editor writes &nbsp; for ordinary spaces it wants to keep.
	nbsp: ' '
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, body: string) => {
		if (body[0] === '#') {
			const code =
				body[1] === 'x' || body[1] === 'X'
					? parseInt(body.slice(2), 16)
					: parseInt(body.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
	});
}

/**
 * An Anki HTML field as Markdown-ish plain text: line breaks and block starts become
 * newlines, bold/italic/code become their Markdown marks, any other tag is dropped
 * (Gapwise never stores raw HTML), entities are decoded once.
 */
export function ankiHtmlToText(html: string): string {
	const text = normaliseNewlines(html)
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<br\s*\/?>/gi, '\n')
		// Anki's editor writes each line after the first as <div>…</div>.
		.replace(/<(div|tr|h[1-6])(\s[^>]*)?>/gi, '\n')
		.replace(/<p(\s[^>]*)?>|<\/p\s*>/gi, '\n')
		.replace(/<li(\s[^>]*)?>/gi, '\n- ')
		.replace(/<(b|strong)(\s[^>]*)?>|<\/(b|strong)\s*>/gi, '**')
		.replace(/<(i|em)(\s[^>]*)?>|<\/(i|em)\s*>/gi, '*')
		.replace(/<code(\s[^>]*)?>|<\/code\s*>/gi, '`')
		.replace(/<\/?[a-z][^>]*>/gi, '');
	return decodeEntities(text);
}

/** Tags a card's HTML content if it looks like Anki's, for files without an `#html:` header. */
export function looksLikeHtml(text: string): boolean {
	return /<(br|div|p|b|i|u|strong|em|span|code|pre|ul|ol|li|img|a|sub|sup|hr|font)(\s[^>]*)?\/?>|<\/(div|p|b|i|u|strong|em|span|code|pre|ul|ol|li|a|sub|sup|font)>/i.test(
		text
	);
}

/**
 * A one-glance plain version of card Markdown for lists: fence lines, heading marks,
 * backticks, bold/italic stars and link targets go; the words stay. Shown as text, not HTML.
 */
export function markdownPreviewText(markdown: string): string {
	return normaliseNewlines(markdown)
		.split('\n')
		.filter((line) => !/^\s*(```|~~~)/.test(line))
		.map((line) => line.replace(/^\s{0,3}#{1,6}\s+/, ''))
		.join('\n')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/`([^`\n]+)`/g, '$1')
		.replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
		.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
		.trim();
}
