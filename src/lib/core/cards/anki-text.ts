import Papa from 'papaparse';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './limits';
import { ankiHtmlToText, looksLikeHtml, normaliseNewlines } from './text';
import { splitTags, uniqueTags } from './tags';
import { restoreFormula } from './formula';

// Reads Anki's "Notes in Plain Text" files (and hand-made CSV/TSV): optional `#key:value`
// header lines, then one note per record — front, back, optional tags.

export type Separator = '\t' | ',' | ';' | ' ' | '|' | ':';

const SEPARATOR_NAMES: Record<string, Separator> = {
	tab: '\t',
	comma: ',',
	semicolon: ';',
	space: ' ',
	pipe: '|',
	colon: ':'
};
const GUESSABLE: Separator[] = ['\t', ';', ','];
/** The guess reads the first records only; an unclosed quote must not make it read 1 MB thrice. */
const GUESS_CHARS = 100_000;

/** One note read from the file; `line` is where its record starts (1-based, headers counted). */
export interface ImportedNote {
	line: number;
	front: string;
	/** Undefined when the record has a single column. */
	back?: string;
	tags: string[];
	/** Anki's note id (`#guid column`): a re-import of the same export updates its cards. */
	guid?: string;
	/** Anki's note type (`#notetype column`), e.g. "Basic" or "Cloze". */
	notetype?: string;
	/** Set when the record itself is malformed (unbalanced quotes). */
	problem?: string;
}

export interface ParsedAnkiText {
	separator: Separator;
	html: boolean;
	notes: ImportedNote[];
}

export type ParseAnkiTextResult =
	{ ok: true; value: ParsedAnkiText } | { ok: false; message: string };

interface Headers {
	separator?: Separator;
	html?: boolean;
	tagsColumn?: number;
	guidColumn?: number;
	notetypeColumn?: number;
	metaColumns: Set<number>;
	columnLabels: string[];
	globalTags: string[];
	lines: number;
}

function separatorFrom(value: string): Separator | undefined {
	const trimmed = value.trim().toLowerCase();
	if (trimmed in SEPARATOR_NAMES) return SEPARATOR_NAMES[trimmed];
	return Object.values(SEPARATOR_NAMES).find((char) => value === char);
}

function column(value: string): number | undefined {
	const n = Number(value.trim());
	return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Anki's file header: an optional historic `tags:` line, then lines starting with `#`. */
function readHeaders(lines: string[]): Headers {
	const headers: Headers = { metaColumns: new Set(), columnLabels: [], globalTags: [], lines: 0 };
	let i = 0;
	if (lines[0]?.startsWith('tags:')) {
		headers.globalTags = splitTags(lines[0].slice('tags:'.length));
		i = 1;
	}
	for (; i < lines.length && lines[i]!.startsWith('#'); i++) {
		const line = lines[i]!.slice(1);
		const colon = line.indexOf(':');
		if (colon < 0) continue;
		const key = line.slice(0, colon).trim().toLowerCase();
		const value = line.slice(colon + 1);
		if (key === 'separator') headers.separator = separatorFrom(value) ?? headers.separator;
		else if (key === 'html' && /^\s*(?:true|false)\s*$/i.test(value))
			headers.html = value.trim().toLowerCase() === 'true';
		else if (key === 'tags')
			headers.globalTags = uniqueTags([...headers.globalTags, ...splitTags(value)]);
		else if (key === 'tags column') headers.tagsColumn = column(value) ?? headers.tagsColumn;
		else if (key === 'columns') headers.columnLabels = value.split(headers.separator ?? /[\t;,]/);
		else if (key === 'guid column' || key === 'notetype column' || key === 'deck column') {
			const n = column(value);
			if (n) headers.metaColumns.add(n);
			if (n && key === 'guid column') headers.guidColumn = n;
			if (n && key === 'notetype column') headers.notetypeColumn = n;
		}
	}
	headers.lines = i;
	return headers;
}

/** Where the record after `pos` really starts: past blank and comment lines, as Papa skips them. */
function recordStart(body: string, pos: number): number {
	let start = pos;
	while (start < body.length) {
		if (body[start] === '\n') {
			start += 1;
			continue;
		}
		const end = body.indexOf('\n', start);
		const line = body.slice(start, end < 0 ? body.length : end);
		if (line.trim() !== '' && !line.startsWith('#')) break;
		if (end < 0) return body.length;
		start = end + 1;
	}
	return start;
}

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
	return n;
}

const QUOTE_PROBLEM =
	'Unbalanced quotes: a field that starts with " must end with " (write "" for a quote inside it).';

interface RawRecord {
	line: number;
	fields: string[];
	problem?: string;
}

const PAPA_BASE = {
	newline: '\n',
	quoteChar: '"',
	escapeChar: '"',
	comments: '#',
	skipEmptyLines: 'greedy'
} as const;

/**
 * The separator that splits the most of the first records into front, back and maybe
 * tags; ties go to tab, then semicolon, then comma. Unlike Papa's own guess, a few
 * malformed lines (a missing back) do not throw the guess off.
 */
function guessSeparator(body: string): Separator {
	let best: Separator = GUESSABLE[0]!;
	let bestScore = -1;
	for (const delimiter of GUESSABLE) {
		const { data } = Papa.parse<string[]>(body, { ...PAPA_BASE, delimiter, preview: 50 });
		const score = data.filter((row) => row.length === 2 || row.length === 3).length;
		if (score > bestScore) [best, bestScore] = [delimiter, score];
	}
	return best;
}

function readRecords(
	body: string,
	separator: Separator,
	firstLine: number
): { records: RawRecord[] } | { tooMany: true } {
	const records: RawRecord[] = [];
	let tooMany = false;
	let previousEnd = 0;
	let line = firstLine;
	Papa.parse<string[]>(body, {
		...PAPA_BASE,
		delimiter: separator,
		step(result, parser) {
			if (records.length >= IMPORT_MAX_ROWS) {
				tooMany = true;
				parser.abort();
				return;
			}
			const start = recordStart(body, previousEnd);
			line += countNewlines(body, previousEnd, start);
			const quoteError = result.errors.some((e) => e.type === 'Quotes');
			records.push({
				line,
				// Gapwise's exports quote formula-like fields (see formula.ts): undo exactly that.
				fields: result.data.map(restoreFormula),
				...(quoteError ? { problem: QUOTE_PROBLEM } : {})
			});
			const end = result.meta.cursor;
			line += countNewlines(body, start, end);
			previousEnd = end;
		}
	});
	return tooMany ? { tooMany: true } : { records };
}

function byteLength(text: string): number {
	return new TextEncoder().encode(text).length;
}

/** Parses pasted or uploaded text into notes, or refuses it whole when it is over the limits. */
export function parseAnkiText(input: string): ParseAnkiTextResult {
	const bytes = byteLength(input);
	if (bytes > IMPORT_MAX_BYTES) {
		return {
			ok: false,
			message: `The text is ${(bytes / 1_000_000).toFixed(1)} MB; the limit is 1 MB. Split it into smaller files.`
		};
	}
	const text = normaliseNewlines(input.replace(/^\uFEFF/, ''));
	const lines = text.split('\n');
	const headers = readHeaders(lines);
	const body = lines.slice(headers.lines).join('\n');
	const separator = headers.separator ?? guessSeparator(body.slice(0, GUESS_CHARS));
	const read = readRecords(body, separator, headers.lines + 1);
	if ('tooMany' in read) {
		return {
			ok: false,
			message: `The text has more than ${IMPORT_MAX_ROWS.toLocaleString('en')} cards; split it into smaller files.`
		};
	}

	const labels = headers.columnLabels.map((l) => l.trim().toLowerCase());
	const labelled = (name: string) => {
		const i = labels.indexOf(name);
		return i >= 0 && !headers.metaColumns.has(i + 1) ? i + 1 : undefined;
	};
	const tagsColumn = headers.tagsColumn ?? labelled('tags');
	const meta = new Set(headers.metaColumns);
	if (tagsColumn) meta.add(tagsColumn);

	const html =
		headers.html ?? read.records.some((r) => r.fields.some((field) => looksLikeHtml(field)));
	const asText = (field: string) => (html ? ankiHtmlToText(field) : field);

	const notes = read.records.map((record): ImportedNote => {
		const { fields } = record;
		// Field columns are the ones no header claims, in order (1-based, like Anki's headers).
		const fieldColumns = fields.map((_, i) => i + 1).filter((c) => !meta.has(c));
		const frontColumn = labelled('front') ?? fieldColumns[0];
		const backColumn = labelled('back') ?? fieldColumns.find((c) => c !== frontColumn);
		// Without a tags header, a third column is the tags (Anki's fallback for two-field notes).
		const tagColumn =
			tagsColumn ??
			(labels.length === 0
				? fieldColumns.filter((c) => c !== frontColumn && c !== backColumn)[0]
				: undefined);
		const get = (c: number | undefined) => (c === undefined ? undefined : fields[c - 1]);
		const back = get(backColumn);
		const guid = get(headers.guidColumn)?.trim();
		const notetype = get(headers.notetypeColumn)?.trim();
		return {
			line: record.line,
			front: asText(get(frontColumn) ?? ''),
			...(back === undefined ? {} : { back: asText(back) }),
			tags: uniqueTags([...headers.globalTags, ...splitTags(get(tagColumn) ?? '')]),
			...(guid ? { guid } : {}),
			...(notetype ? { notetype } : {}),
			...(record.problem ? { problem: record.problem } : {})
		};
	});
	return { ok: true, value: { separator, html, notes } };
}
