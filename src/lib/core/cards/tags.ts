import { LEVEL_MAX, LEVEL_MIN } from './limits';

/**
 * Anki tags that carry Gapwise's own fields through a text file. An export writes them and an
 * import reads them back, so a learner's tags can never use these prefixes.
 */
export const SKILL_TAG = 'skill::';
export const LEVEL_TAG = 'level::';
/** Marks a built-in card in an export; importing it again would only duplicate the deck. */
export const BUILTIN_TAG = 'builtin::';
export const RESERVED_TAG_PREFIXES = [SKILL_TAG, LEVEL_TAG, BUILTIN_TAG] as const;

export function isReservedTag(tag: string): boolean {
	const lower = tag.toLowerCase();
	return RESERVED_TAG_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Anki separates tags by whitespace; repeats (case-insensitive, as in Anki) are dropped. */
export function splitTags(text: string): string[] {
	return uniqueTags(text.split(/\s+/u).filter(Boolean));
}

export function uniqueTags(tags: readonly string[]): string[] {
	const seen = new Set<string>();
	return tags.filter((tag) => {
		const key = tag.toLowerCase();
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

export interface MetaTags {
	/** The learner's own tags, reserved ones removed. */
	tags: string[];
	skillId?: string;
	/** The raw value after `level::`, checked by the card schema. */
	level?: string;
	builtinId?: string;
}

/** Splits an imported note's tags into Gapwise's fields and the learner's own tags. */
export function readMetaTags(tags: readonly string[]): MetaTags {
	const result: MetaTags = { tags: [] };
	for (const tag of tags) {
		const lower = tag.toLowerCase();
		if (lower.startsWith(SKILL_TAG)) result.skillId ??= tag.slice(SKILL_TAG.length);
		else if (lower.startsWith(LEVEL_TAG)) result.level ??= tag.slice(LEVEL_TAG.length);
		else if (lower.startsWith(BUILTIN_TAG)) result.builtinId ??= tag.slice(BUILTIN_TAG.length);
		else result.tags.push(tag);
	}
	return result;
}

/** The tags an export writes for a card: the learner's, then skill and level. */
export function writeMetaTags(card: {
	tags: readonly string[];
	skillId: string;
	level: number;
	builtinId?: string;
}): string[] {
	const level = Math.min(LEVEL_MAX, Math.max(LEVEL_MIN, card.level));
	return [
		...card.tags,
		`${SKILL_TAG}${card.skillId}`,
		`${LEVEL_TAG}${level}`,
		...(card.builtinId ? [`${BUILTIN_TAG}${card.builtinId}`] : [])
	];
}
