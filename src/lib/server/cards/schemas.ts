import { cardDraftSchema, cardPatchSchema, splitTags } from '$lib/core/cards';
import type { FieldErrors } from '$lib/server/validation';
import { isSkill } from './skills';

// One schema per operation, shared by the pages and the JSON API.
export const createCardSchema = cardDraftSchema(isSkill);
export const patchCardSchema = cardPatchSchema(isSkill);

/** A card form's strings in the JSON API's shape, so both go through the same schema. */
export function cardFormInput(fields: Record<string, string>) {
	const level = fields.level?.trim();
	return {
		skillId: fields.skillId ?? '',
		level: level && /^\d+$/.test(level) ? Number(level) : undefined,
		front: fields.front ?? '',
		back: fields.back ?? '',
		tags: splitTags(fields.tags ?? '')
	};
}

/** What the form refills after a failed post (bounded, so a huge post is not echoed back). */
export function keptCardFields(fields: Record<string, string>) {
	return {
		skillId: (fields.skillId ?? '').slice(0, 100),
		level: (fields.level ?? '').slice(0, 2),
		front: (fields.front ?? '').slice(0, 10_000),
		back: (fields.back ?? '').slice(0, 10_000),
		tags: (fields.tags ?? '').slice(0, 2_000)
	};
}

/** A tag's message ("tags.2") shown next to the single tags field. */
export function foldTagErrors(errors: FieldErrors): FieldErrors {
	const folded: FieldErrors = {};
	for (const [key, message] of Object.entries(errors)) {
		folded[key.startsWith('tags.') ? 'tags' : key] ??= message;
	}
	return folded;
}
