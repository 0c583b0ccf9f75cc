// Turning pasted text into lines and sentences. Job descriptions arrive from web pages and PDFs:
// bullets, numbering, non-breaking spaces and lines glued together are all normal.

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

export function normaliseText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\u00a0\u2007\u202f\t]/g, ' ')
		.replace(/[\u200b-\u200d\ufeff]/g, '');
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

/**
 * Sentences of one line: split after ; and after . ! ? when the next word starts like a new
 * sentence, except after an abbreviation ("e.g.", "Ph.D.").
 */
export function splitSentences(line: string): string[] {
	const sentences: string[] = [];
	let start = 0;
	const boundary = /;\s+|[.!?]+["')\]]?\s+(?=["'([]?[\p{Lu}\p{N}])/gu;
	for (const m of line.matchAll(boundary)) {
		const end = m.index + m[0].length;
		const before = line.slice(start, m.index + 1);
		const lastWord = /([\p{L}.]+)\.$/u.exec(before)?.[1]?.toLowerCase();
		if (m[0].startsWith('.') && lastWord && ABBREVIATIONS.has(lastWord)) continue;
		sentences.push(line.slice(start, end).trim());
		start = end;
	}
	sentences.push(line.slice(start).trim());
	return sentences.filter((s) => s.length > 0);
}

/** A window of at most `max` characters around [start, end), cut at spaces, with ellipses. */
export function excerpt(sentence: string, start: number, end: number, max = 200): string {
	if (sentence.length <= max) return sentence;
	const room = Math.max(0, max - (end - start));
	let from = Math.max(0, start - Math.floor(room / 2));
	let to = Math.min(sentence.length, from + (end - start) + room);
	from = Math.max(0, to - max);
	if (from > 0) {
		const space = sentence.indexOf(' ', from);
		if (space !== -1 && space < start) from = space + 1;
	}
	if (to < sentence.length) {
		const space = sentence.lastIndexOf(' ', to);
		if (space > end) to = space;
	}
	return `${from > 0 ? '…' : ''}${sentence.slice(from, to).trim()}${to < sentence.length ? '…' : ''}`;
}
