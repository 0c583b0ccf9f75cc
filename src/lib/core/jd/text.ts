// Turning pasted text into lines and sentences. Job descriptions arrive from web pages and PDFs:
// bullets, numbering, Unicode spaces and lines glued together are all normal. Everything here
// runs in time linear in the text: a 20,000-character paste must never stall the server.

const BULLET = /^(?:[•·▪◦●○■□►▸‣⁃*\-–—]+|\(?\d{1,2}[.)](?=\s)|\(?[a-z][.)](?=\s))\s*/u;

// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS = new Set([
	'e.g',
	'i.e',
	'vs',
	'etc',
	'ph.d',
	'm.s',
	'b.s',
	'm.sc',
	'b.sc',
	'u.s',
	'inc',
	'ltd',
	'dr',
	'mr',
	'ms',
	'jr',
	'sr',
	'no',
	'approx',
	'incl',
	'ca'
]);

/**
 * Line ends (also U+2028/2029) as \n, every space separator (\p{Zs}: no-break, em, ideographic … spaces) and tab
 * as a plain space, zero-width characters removed.
 */
export function normaliseText(text: string): string {
	return text
		.replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
		.replace(/[\p{Zs}\t\v\f]/gu, ' ')
		.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** True when the line began with a bullet or a list number. */
export function isBulleted(raw: string): boolean {
	return BULLET.test(raw.trim());
}

/** The line without its bullet, numbering and surrounding space. */
export function stripBullet(raw: string): string {
	return raw.trim().replace(BULLET, '').trim();
}

export function splitLines(text: string): string[] {
	return normaliseText(text)
		.split('\n')
		.map((l) => l.replace(/ {2,}/g, ' ').trim())
		.filter((l) => l.length > 0);
}

/** `s` without the characters at its end that `drop` accepts (a loop: an end-anchored pattern
 * over a long run would be quadratic). */
export function trimEndWhile(s: string, drop: (c: string) => boolean): string {
	let end = s.length;
	while (end > 0 && drop(s[end - 1]!)) end -= 1;
	return s.slice(0, end);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\n' || c === '\t';
const isStop = (c: string | undefined) => c === '.' || c === '!' || c === '?';
const CLOSERS = new Set(['"', "'", ')', ']', '’', '”']);
const OPENERS = new Set(['"', "'", '(', '[', '‘', '“']);
const startsSentence = (c: string | undefined) => c !== undefined && /[\p{Lu}\p{N}]/u.test(c);

/** The word ending just before `at` (letters and inner dots), lower-cased: "e.g" in "e.g.". */
function wordBefore(line: string, at: number): string {
	let from = at;
	while (from > 0 && /[\p{L}.]/u.test(line[from - 1]!)) from -= 1;
	return line.slice(from, at).toLowerCase();
}

/**
 * Sentences of one line: split after ; and after a run of . ! ? (and a closing quote or
 * bracket) when spaces and a word that starts like a new sentence follow — except after an
 * abbreviation ("e.g.", "Ph.D."). One pass over the line, each character looked at a bounded
 * number of times.
 */
export function splitSentences(line: string): string[] {
	const sentences: string[] = [];
	let start = 0;
	let i = 0;
	while (i < line.length) {
		const c = line[i]!;
		if (c === ';' && isSpace(line[i + 1])) {
			sentences.push(line.slice(start, i + 1).trim());
			start = i + 1;
			i += 1;
			continue;
		}
		if (!isStop(c)) {
			i += 1;
			continue;
		}
		const runStart = i;
		while (isStop(line[i])) i += 1;
		let end = i;
		if (CLOSERS.has(line[end] ?? '')) end += 1;
		let next = end;
		while (isSpace(line[next])) next += 1;
		if (next === end) continue;
		const first = OPENERS.has(line[next] ?? '') ? line[next + 1] : line[next];
		if (!startsSentence(first)) continue;
		const abbreviation = c === '.' && ABBREVIATIONS.has(wordBefore(line, runStart));
		if (abbreviation) continue;
		sentences.push(line.slice(start, end).trim());
		start = end;
	}
	sentences.push(line.slice(start).trim());
	return sentences.filter((s) => s.length > 0);
}

// Where a quote may begin or end without cutting a thought: after list and clause punctuation.
const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '—', '–', '•', '|']);

/**
 * A quote of at most `max` characters that contains [start, end) — the phrase that matched —
 * whole. Long sentences are cut at the nearest clause break (else a space) on each side, and
 * the cut is marked with an ellipsis.
 */
export function excerpt(sentence: string, start: number, end: number, max = 160): string {
	if (sentence.length <= max) return sentence;
	const room = Math.max(0, max - (end - start));
	let from = Math.max(0, start - Math.floor(room / 2));
	const to = Math.min(sentence.length, from + (end - start) + room);
	from = Math.max(0, Math.min(from, to - max));
	let left = from;
	if (from > 0) {
		left = cutAfter(sentence, from, start);
	}
	let right = to;
	if (to < sentence.length) {
		right = cutBefore(sentence, end, to);
	}
	const body = sentence.slice(left, right).trim();
	return `${left > 0 ? '…' : ''}${body}${right < sentence.length ? '…' : ''}`;
}

/** The first clause break (else space) in [from, limit): the quote starts just after it. */
function cutAfter(s: string, from: number, limit: number): number {
	let space = -1;
	for (let i = from; i < limit; i++) {
		if (CLAUSE_BREAK.has(s[i]!)) return i + 1;
		if (space === -1 && s[i] === ' ') space = i + 1;
	}
	return space === -1 ? from : space;
}

/** The last clause break (else space) in [limit, to]: the quote ends there. */
function cutBefore(s: string, limit: number, to: number): number {
	let space = -1;
	for (let i = to; i >= limit; i--) {
		const c = s[i];
		if (c === ',' || c === ';' || c === ')' || c === '—' || c === '–') return c === ')' ? i + 1 : i;
		if (space === -1 && c === ' ') space = i;
	}
	return space === -1 ? to : space;
}
