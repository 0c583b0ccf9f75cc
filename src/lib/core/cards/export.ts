import Papa from 'papaparse';
import type { CardKind } from '../types';
import { textToAnkiHtml } from './text';
import { writeMetaTags } from './tags';
import { neutraliseFormula } from './formula';
import { toAnkiCloze } from './cloze';
import type { PersonalCardKind } from './schema';

export type TextFormat = 'tsv' | 'csv';

/** A learner's own card: Markdown source. */
export interface PersonalExportCard {
	id: string;
	skillId: string;
	level: number;
	front: string;
	back: string;
	tags: string[];
	/** 'qa' when absent. */
	kind?: PersonalCardKind;
	createdAt: Date;
	updatedAt: Date;
}

/** A built-in card the learner studies: sanitised HTML from the deck. */
export interface BuiltinExportCard {
	id: string;
	skillId: string;
	level: number;
	kind: CardKind;
	frontHtml: string;
	backHtml: string;
	source: string | null;
}

const SEPARATOR: Record<TextFormat, { char: string; name: string }> = {
	tsv: { char: '\t', name: 'tab' },
	csv: { char: ',', name: 'comma' }
};

/**
 * Anki's "Notes in Plain Text" format: front, back, tags. Fields are HTML (`#html:true`):
 * personal cards carry their Markdown escaped with <br> line breaks, so Anki shows exactly
 * what the learner wrote and a re-import gets the same text back; built-in cards carry the
 * deck's rendered HTML. Tags carry skill and level (and mark built-in cards) for re-import.
 */
export function toAnkiText(
	personal: readonly PersonalExportCard[],
	builtin: readonly BuiltinExportCard[],
	format: TextFormat
): string {
	const { char, name } = SEPARATOR[format];
	const rows = [
		...personal.map((c) => [
			// A cloze card in Anki's syntax, so a re-import makes a cloze card again.
			textToAnkiHtml(c.kind === 'cloze' ? toAnkiCloze(c.front) : c.front),
			textToAnkiHtml(c.back),
			writeMetaTags(c).join(' ')
		]),
		...builtin.map((c) => [
			c.frontHtml,
			c.backHtml,
			writeMetaTags({ tags: [], skillId: c.skillId, level: c.level, builtinId: c.id }).join(' ')
		])
	];
	const header = `#separator:${name}\n#html:true\n#tags column:3\n`;
	if (rows.length === 0) return header;
	const body = Papa.unparse(
		rows.map((row) => row.map(neutraliseFormula)),
		{
			delimiter: char,
			newline: '\n',
			// Anki reads a line starting with # as a comment, so such a field must be quoted; a
			// neutralised formula is quoted too, as OWASP advises.
			quotes: (value: unknown) =>
				typeof value === 'string' && (value.startsWith('#') || value.startsWith("'"))
		}
	);
	return `${header}${body}\n`;
}

export interface JsonExport {
	format: 'gapwise-cards';
	version: 1;
	exportedAt: string;
	personalCards: (Omit<PersonalExportCard, 'createdAt' | 'updatedAt'> & {
		createdAt: string;
		updatedAt: string;
	})[];
	builtinCards: BuiltinExportCard[];
}

export function toJsonExport(
	personal: readonly PersonalExportCard[],
	builtin: readonly BuiltinExportCard[],
	now: Date
): JsonExport {
	return {
		format: 'gapwise-cards',
		version: 1,
		exportedAt: now.toISOString(),
		personalCards: personal.map((c) => ({
			id: c.id,
			skillId: c.skillId,
			level: c.level,
			front: c.front,
			back: c.back,
			tags: c.tags,
			kind: c.kind ?? 'qa',
			createdAt: c.createdAt.toISOString(),
			updatedAt: c.updatedAt.toISOString()
		})),
		builtinCards: builtin.map((c) => ({ ...c }))
	};
}
