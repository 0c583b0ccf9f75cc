import * as v from 'valibot';
import type { ImportedNote, ParsedAnkiText } from './anki-text';
import {
	cardDraftSchema,
	issueMessages,
	type CardDraft,
	type IsSkill,
	type PersonalCardKind
} from './schema';
import { cardContentHash } from './hash';
import { readMetaTags } from './tags';
import { ankiDeletions, clozeCards } from './cloze';

export type PreviewStatus = 'new' | 'update' | 'exists' | 'duplicate' | 'builtin' | 'error';

/** Which card of which Anki note: the cloze number, 0 for a basic note. */
export interface AnkiCardKey {
	guid: string;
	ord: number;
}

/** One card of an imported note as the learner will see it before confirming. */
export interface PreviewRow {
	line: number;
	status: PreviewStatus;
	/** Why the line is not added; absent for new cards. */
	reason?: string;
	front: string;
	back: string;
	skillId?: string;
	level?: number;
	tags: string[];
	/** Present when status is 'new' or 'update'. */
	draft?: CardDraft;
	hash?: string;
	/** The Anki card it came from, when the file names its notes (`#guid column`). */
	anki?: AnkiCardKey;
	/** The learner's card an 'update' changes in place (schedule kept). */
	updateId?: string;
}

export interface ImportPreview {
	rows: PreviewRow[];
	counts: Record<PreviewStatus, number>;
}

/** A card the learner already has from an Anki note, as a re-import compares it. */
export interface AnkiCardOnFile {
	id: string;
	hash: string;
	skillId: string;
	level: number;
	tags: string[];
}

export interface PreviewContext {
	isSkill: IsSkill;
	/** For lines without a `skill::` tag. */
	defaultSkillId?: string;
	/** For lines without a `level::` tag. */
	defaultLevel?: number;
	/** Content hashes of the learner's existing cards. */
	existingHashes: ReadonlySet<string>;
	/** The learner's cards imported from Anki, by ankiCardKey. */
	existingAnki?: ReadonlyMap<string, AnkiCardOnFile>;
}

export const ankiCardKey = (key: AnkiCardKey) => `${key.guid}\u0000${key.ord}`;

function levelFrom(tag: string | undefined, fallback: number | undefined): unknown {
	if (tag === undefined) return fallback;
	return /^\d+$/.test(tag) ? Number(tag) : tag;
}

interface Candidate {
	note: ImportedNote;
	kind: PersonalCardKind;
	ord: number;
	front: string;
	back?: string;
	problem?: string;
}

/**
 * The cards a note makes. A cloze note (its note type says so, or without a note type its
 * text has {{c1::…}}) makes one card per cloze number, as Anki does; any other note one card.
 */
function candidates(note: ImportedNote): Candidate[] {
	const cloze = note.notetype ? /cloze/i.test(note.notetype) : ankiDeletions(note.front).length > 0;
	if (!cloze) return [{ note, kind: 'qa', ord: 0, front: note.front, back: note.back }];
	const back = note.back ?? '';
	const cards = clozeCards(note.front);
	if (cards.length === 0)
		return [
			{
				note,
				kind: 'cloze',
				ord: 0,
				front: note.front,
				back,
				problem: 'No {{c1::…}} deletion in this cloze note.'
			}
		];
	return cards.map((card) =>
		'problem' in card
			? { note, kind: 'cloze', ord: card.ord, front: note.front, back, problem: card.problem }
			: { note, kind: 'cloze', ord: card.ord, front: card.front, back }
	);
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * Decides, for every card of every parsed note, whether it becomes a new card, updates one
 * imported from the same Anki note before, or why not. Pure: the same text and context
 * always give the same preview, so confirming can re-parse the text and write what was shown.
 */
export function buildImportPreview(parsed: ParsedAnkiText, ctx: PreviewContext): ImportPreview {
	const schema = cardDraftSchema(ctx.isSkill);
	const firstLineOfHash = new Map<string, number>();
	const firstLineOfAnki = new Map<string, number>();
	const counts: Record<PreviewStatus, number> = {
		new: 0,
		update: 0,
		exists: 0,
		duplicate: 0,
		builtin: 0,
		error: 0
	};

	const rows = parsed.notes.flatMap(candidates).map((c): PreviewRow => {
		const { note } = c;
		const meta = readMetaTags(note.tags);
		const skillId = meta.skillId ?? ctx.defaultSkillId;
		const anki = note.guid ? { guid: note.guid, ord: c.ord } : undefined;
		const base = {
			line: note.line,
			front: c.front,
			back: c.back ?? '',
			tags: meta.tags,
			...(anki ? { anki } : {})
		};
		const row = (status: PreviewStatus, extra: Partial<PreviewRow> = {}): PreviewRow => {
			counts[status] += 1;
			return { ...base, ...extra, status };
		};

		if (meta.builtinId) {
			return row('builtin', { reason: `Built-in card ${meta.builtinId}: already in Gapwise.` });
		}
		if (note.problem) return row('error', { reason: note.problem });
		if (c.problem) return row('error', { reason: c.problem });
		if (c.back === undefined) {
			return row('error', { reason: 'The back is missing: put it after a separator.' });
		}
		const reasons: string[] = [];
		if (!skillId)
			reasons.push('No skill: choose one for the whole file, or tag the line skill::<id>.');
		const result = v.safeParse(schema, {
			skillId: skillId ?? '',
			level: levelFrom(meta.level, ctx.defaultLevel),
			front: c.front,
			back: c.back,
			tags: meta.tags,
			kind: c.kind
		});
		if (!result.success || reasons.length > 0) {
			const messages = result.success ? [] : issueMessages(result.issues);
			// "Choose a skill." repeats the missing-skill reason above.
			reasons.push(...messages.filter((m) => !(skillId === undefined && m === 'Choose a skill.')));
			return row('error', {
				reason: reasons.join(' '),
				skillId,
				level: Number(meta.level) || ctx.defaultLevel
			});
		}
		const draft = result.output;
		const hash = cardContentHash(draft.front, draft.back);
		const known = { skillId: draft.skillId, level: draft.level, tags: draft.tags, hash };
		if (anki) {
			const key = ankiCardKey(anki);
			const earlier = firstLineOfAnki.get(key);
			if (earlier !== undefined)
				return row('duplicate', { ...known, reason: `Same Anki card as line ${earlier}.` });
			firstLineOfAnki.set(key, note.line);
			const onFile = ctx.existingAnki?.get(key);
			if (onFile) {
				const same =
					onFile.hash === hash &&
					onFile.skillId === draft.skillId &&
					onFile.level === draft.level &&
					sameTags(onFile.tags, draft.tags);
				if (same) return row('exists', { ...known, reason: 'Already in your cards.' });
				if (onFile.hash !== hash && ctx.existingHashes.has(hash))
					return row('exists', { ...known, reason: 'Another of your cards has this text.' });
				firstLineOfHash.set(hash, note.line);
				return row('update', { ...known, draft, updateId: onFile.id });
			}
		}
		if (ctx.existingHashes.has(hash))
			return row('exists', { ...known, reason: 'Already in your cards.' });
		const earlier = firstLineOfHash.get(hash);
		if (earlier !== undefined)
			return row('duplicate', { ...known, reason: `Same card as line ${earlier}.` });
		firstLineOfHash.set(hash, note.line);
		return row('new', { ...known, draft });
	});
	return { rows, counts };
}
