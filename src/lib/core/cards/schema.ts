import * as v from 'valibot';
import { BACK_MAX, FRONT_MAX, LEVEL_MAX, LEVEL_MIN, TAG_MAX, TAGS_MAX } from './limits';
import { normaliseNewlines } from './text';
import { isReservedTag, uniqueTags } from './tags';
import { textProblem } from '../plain-text';
import { clozeCount } from './cloze';

export const CARD_KINDS = ['qa', 'cloze'] as const;
export type PersonalCardKind = (typeof CARD_KINDS)[number];

/** A personal card as the learner writes it, before it has an id. */
export interface CardDraft {
	skillId: string;
	level: number;
	front: string;
	back: string;
	tags: string[];
	/** 'qa' when absent. A cloze card's front holds one {{gap}}; its back is optional. */
	kind?: PersonalCardKind;
}

export type IsSkill = (id: string) => boolean;

const count = (n: number) => n.toLocaleString('en');

/** Refuses NUL and other control characters: stored text must read back as it was sent. */
const storable = (what: string) =>
	v.check(
		(text: string) => textProblem(text) === null,
		(issue: v.CheckIssue<string>) => `${what} ${textProblem(issue.input) ?? ''}`
	);

const sideText = (name: 'front' | 'back', max: number) =>
	v.pipe(
		v.string(`Write the ${name} of the card.`),
		storable(`The ${name}`),
		v.transform(normaliseNewlines),
		v.trim(),
		v.maxLength(max, `The ${name} is longer than ${count(max)} characters.`)
	);
const side = (name: 'front' | 'back', max: number) =>
	v.pipe(sideText(name, max), v.nonEmpty(`The ${name} is empty.`));

const level = v.pipe(
	v.number(`Choose a level from ${LEVEL_MIN} to ${LEVEL_MAX}.`),
	v.integer(`Choose a level from ${LEVEL_MIN} to ${LEVEL_MAX}.`),
	v.minValue(LEVEL_MIN, `Choose a level from ${LEVEL_MIN} to ${LEVEL_MAX}.`),
	v.maxValue(LEVEL_MAX, `Choose a level from ${LEVEL_MIN} to ${LEVEL_MAX}.`)
);

const tag = v.pipe(
	v.string('Each tag must be text.'),
	storable('A tag'),
	v.trim(),
	v.nonEmpty('A tag cannot be empty.'),
	v.maxLength(TAG_MAX, `A tag has at most ${TAG_MAX} characters.`),
	v.regex(/^\S+$/u, 'A tag cannot contain spaces.'),
	v.check(
		(t) => !isReservedTag(t),
		'Tags starting with skill::, level:: or builtin:: are reserved.'
	)
);

const tags = v.pipe(
	v.array(tag, 'Send tags as a list of strings.'),
	v.maxLength(TAGS_MAX, `Use at most ${TAGS_MAX} tags.`),
	v.transform((list: string[]) => uniqueTags(list))
);

function skill(isSkill: IsSkill) {
	// Stop at the first problem: an empty id is "choose a skill", not also "unknown skill".
	return v.config(
		v.pipe(
			v.string('Choose a skill.'),
			v.trim(),
			v.nonEmpty('Choose a skill.'),
			v.check(isSkill, (issue) => `Unknown skill “${String(issue.input)}”.`)
		),
		{ abortPipeEarly: true }
	);
}

function fields(isSkill: IsSkill) {
	return {
		skillId: skill(isSkill),
		level,
		front: side('front', FRONT_MAX),
		back: side('back', BACK_MAX),
		tags: v.optional(tags, () => [])
	};
}

/**
 * A new card: the forms, the JSON API and every imported line go through this one schema.
 * A question card needs a back; a cloze card needs exactly one {{gap}} in its front.
 */
export function cardDraftSchema(isSkill: IsSkill) {
	return v.pipe(
		v.object({
			...fields(isSkill),
			back: sideText('back', BACK_MAX),
			kind: v.optional(v.picklist(CARD_KINDS, 'The kind is qa or cloze.'), 'qa')
		}),
		v.forward(
			v.partialCheck(
				[['kind'], ['back']],
				(card) => card.kind === 'cloze' || card.back !== '',
				'The back is empty.'
			),
			['back']
		),
		v.forward(
			v.partialCheck(
				[['kind'], ['front']],
				(card) => card.kind !== 'cloze' || clozeCount(card.front) === 1,
				'A cloze card’s front hides exactly one {{gap}}.'
			),
			['front']
		)
	);
}

/** A change to a card: any of the fields, at least one. */
export function cardPatchSchema(isSkill: IsSkill) {
	const { tags: tagsField, ...rest } = fields(isSkill);
	return v.pipe(
		v.partial(v.object({ ...rest, tags: v.unwrap(tagsField) })),
		v.check(
			(patch) => Object.values(patch).some((value) => value !== undefined),
			'Nothing to change: send at least one of skillId, level, front, back or tags.'
		)
	);
}

export type CardPatch = v.InferOutput<ReturnType<typeof cardPatchSchema>>;

/** Every distinct message of a failed parse, in field order, for one-line reports. */
export function issueMessages(issues: readonly v.BaseIssue<unknown>[]): string[] {
	return [...new Set(issues.map((issue) => issue.message))];
}
