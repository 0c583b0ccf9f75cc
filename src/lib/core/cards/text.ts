// Card text is Markdown. Anki's text files carry HTML (`#html:true`), so text crosses that
// boundary through this pair, which round-trips exactly: ankiHtmlToText(textToAnkiHtml(s)) === s.
// Nothing here may take more than linear time: imports are up to 1 MB of text.
import { Tokenizer } from 'htmlparser2';

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
	return text.replace(/&(#x[\da-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, body: string) => {
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

interface TagHandlers {
	/** A complete opening tag (its `>` seen), name in lower case. */
	open(name: string): void;
	close(name: string): void;
	text(text: string): void;
}

/**
 * Walks HTML with htmlparser2's tokenizer: one pass, no backtracking and no element stack, so
 * time stays linear whatever the markup (nested or unclosed tags, stray `<`). Comments,
 * doctypes and unfinished tags produce nothing; entities are left for decodeEntities.
 */
function scanHtml(html: string, on: TagHandlers): void {
	let opening = '';
	const name = (start: number, end: number) => html.slice(start, end).toLowerCase();
	const openEnd = () => {
		if (opening) on.open(opening);
		opening = '';
	};
	const ignore = () => {};
	const tokenizer = new Tokenizer(
		{ xmlMode: false, decodeEntities: false },
		{
			onopentagname: (start, end) => (opening = name(start, end)),
			onopentagend: openEnd,
			onselfclosingtag: openEnd,
			onclosetag: (start, end) => on.close(name(start, end)),
			ontext: (start, end) => on.text(html.slice(start, end)),
			onattribdata: ignore,
			onattribentity: ignore,
			onattribend: ignore,
			onattribname: ignore,
			oncdata: ignore,
			oncomment: ignore,
			ondeclaration: ignore,
			onprocessinginstruction: ignore,
			ontextentity: ignore,
			onend: ignore
		}
	);
	tokenizer.write(html);
	tokenizer.end();
}

const NEWLINE_BEFORE = ['br', 'div', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p'];
/** What each opening tag becomes; any other tag is dropped. */
const OPENING: Record<string, string> = {
	...Object.fromEntries(NEWLINE_BEFORE.map((tag) => [tag, '\n'])),
	li: '\n- ',
	b: '**',
	strong: '**',
	i: '*',
	em: '*',
	code: '`'
};
const CLOSING: Record<string, string> = {
	p: '\n',
	b: '**',
	strong: '**',
	i: '*',
	em: '*',
	code: '`'
};
/** Their content styles or scripts the card; it is never card text. */
const HIDDEN = new Set(['script', 'style']);

/**
 * An Anki HTML field as Markdown-ish plain text: line breaks and block starts become
 * newlines (Anki's editor writes each line after the first as <div>…</div>), bold/italic/code
 * become their Markdown marks, any other tag is dropped (Gapwise never stores raw HTML),
 * entities are decoded once.
 */
export function ankiHtmlToText(html: string): string {
	const source = normaliseNewlines(html);
	if (!source.includes('<')) return decodeEntities(source);
	const parts: string[] = [];
	let hidden = false;
	scanHtml(source, {
		open(name) {
			parts.push(OPENING[name] ?? '');
			hidden ||= HIDDEN.has(name);
		},
		close(name) {
			parts.push(CLOSING[name] ?? '');
			if (HIDDEN.has(name)) hidden = false;
		},
		text(text) {
			if (!hidden) parts.push(text);
		}
	});
	return decodeEntities(parts.join(''));
}

const SNIFFED_PAIRED = ['div', 'p', 'b', 'i', 'u', 'strong', 'em', 'span', 'code', 'pre'];
const SNIFFED_OPENING = new Set([
	...SNIFFED_PAIRED,
	...['ul', 'ol', 'li', 'a', 'sub', 'sup', 'font', 'br', 'img', 'hr']
]);
const SNIFFED_CLOSING = new Set([
	...SNIFFED_PAIRED,
	...['ul', 'ol', 'li', 'a', 'sub', 'sup', 'font']
]);

/**
 * Tags a card's HTML content if it looks like Anki's, for files without an `#html:` header:
 * a formatting tag Anki writes, not generics (`List<int>`) or comparisons (`a < b > c`).
 */
export function looksLikeHtml(text: string): boolean {
	if (!text.includes('<')) return false;
	let found = false;
	scanHtml(text, {
		open: (name) => (found ||= SNIFFED_OPENING.has(name)),
		close: (name) => (found ||= SNIFFED_CLOSING.has(name)),
		text: () => {}
	});
	return found;
}

/**
 * A one-glance plain version of card Markdown for lists: fence lines, heading marks,
 * backticks, bold/italic stars and link targets go; the words stay. Shown as text, not HTML.
 */
export function markdownPreviewText(markdown: string): string {
	// Each pattern stops scanning at the next opening mark, so no text is scanned twice.
	return (
		normaliseNewlines(markdown)
			.split('\n')
			.filter((line) => !/^\s*(?:```|~~~)/.test(line))
			.map((line) => line.replace(/^\s{0,3}#{1,6}\s+/, ''))
			.join('\n')
			.replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, '$1')
			.replace(/`([^`\n]+)`/g, '$1')
			.replace(/\*\*(?=\S)((?:[^*\n]|\*(?!\*))*?\S)\*\*/g, '$1')
			.replace(/__(?=\S)((?:[^\n_]|_(?!_))*?\S)__/g, '$1')
			// \B after the closing star: no word character follows it.
			.replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*\B/g, '$1$2')
			.trim()
	);
}
