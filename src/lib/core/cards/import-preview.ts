import * as v from 'valibot';
import type { ParsedAnkiText } from './anki-text';
import { cardDraftSchema, issueMessages, type CardDraft, type IsSkill } from './schema';
import { cardContentHash } from './hash';
import { readMetaTags } from './tags';

export type PreviewStatus = 'new' | 'exists' | 'duplicate' | 'builtin' | 'error';

/** One imported note as the learner will see it before confirming. */
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
	/** Present when status is 'new'. */
	draft?: CardDraft;
	hash?: string;
}

export interface ImportPreview {
	rows: PreviewRow[];
	counts: Record<PreviewStatus, number>;
}

export interface PreviewContext {
	isSkill: IsSkill;
	/** For lines without a `skill::` tag. */
	defaultSkillId?: string;
	/** For lines without a `level::` tag. */
	defaultLevel?: number;
	/** Content hashes of the learner's existing cards. */
	existingHashes: ReadonlySet<string>;
}

function levelFrom(tag: string | undefined, fallback: number | undefined): unknown {
	if (tag === undefined) return fallback;
	return /^\d+$/.test(tag) ? Number(tag) : tag;
}

/**
 * Decides, for every parsed note, whether it becomes a new card and why not otherwise.
 * Pure: the same text and context always give the same preview, so confirming can
 * re-parse the text and write exactly what was shown.
 */
export function buildImportPreview(parsed: ParsedAnkiText, ctx: PreviewContext): ImportPreview {
	const schema = cardDraftSchema(ctx.isSkill);
	const firstLineOfHash = new Map<string, number>();
	const counts: Record<PreviewStatus, number> = {
		new: 0,
		exists: 0,
		duplicate: 0,
		builtin: 0,
		error: 0
	};

	const rows = parsed.notes.map((note): PreviewRow => {
		const meta = readMetaTags(note.tags);
		const skillId = meta.skillId ?? ctx.defaultSkillId;
		const base = { line: note.line, front: note.front, back: note.back ?? '', tags: meta.tags };
		const row = (status: PreviewStatus, extra: Partial<PreviewRow> = {}): PreviewRow => {
			counts[status] += 1;
			return { ...base, ...extra, status };
		};

		if (meta.builtinId) {
			return row('builtin', { reason: `Built-in card ${meta.builtinId}: already in Gapwise.` });
		}
		if (note.problem) return row('error', { reason: note.problem });
		if (note.back === undefined) {
			return row('error', { reason: 'The back is missing: put it after a separator.' });
		}
		const reasons: string[] = [];
		if (!skillId)
			reasons.push('No skill: choose one for the whole file, or tag the line skill::<id>.');
		const result = v.safeParse(schema, {
			skillId: skillId ?? '',
			level: levelFrom(meta.level, ctx.defaultLevel),
			front: note.front,
			back: note.back,
			tags: meta.tags
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
