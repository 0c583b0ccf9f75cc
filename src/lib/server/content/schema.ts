// The shapes of the YAML files as written (content/README.md). Cross-file rules — references,
// cycles, unique aliases — live in the checks that run after every file parsed.
import * as v from 'valibot';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const idSchema = v.pipe(v.string(), v.regex(ID, 'must be kebab-case (a-z, 0-9, -)'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const level = v.pipe(
	v.number(),
	v.integer('must be a whole number'),
	v.minValue(1, 'must be between 1 and 4'),
	v.maxValue(4, 'must be between 1 and 4')
);
export const httpsUrl = v.pipe(
	v.string(),
	v.url('must be a URL'),
	v.startsWith('https://', 'must be an https URL')
);

export const areasFileSchema = v.pipe(
	v.array(
		v.strictObject({
			id: idSchema,
			name: text,
			colour: v.pipe(v.string(), v.regex(/^#[\da-f]{6}$/i, 'must be a colour like #2563eb'))
		})
	),
	v.minLength(1, 'must list at least one area')
);

const rubric = (withProject: boolean) =>
	v.strictObject({
		hours: v.pipe(v.number(), v.gtValue(0, 'must be more than 0'), v.maxValue(1000)),
		can: v.pipe(
			v.array(text),
			v.minLength(2, 'needs 2–4 can-do statements'),
			v.maxLength(4, 'needs 2–4 can-do statements')
		),
		project: withProject ? text : v.optional(text)
	});

export const skillFileSchema = v.strictObject({
	id: idSchema,
	name: text,
	area: idSchema,
	summary: text,
	aliases: v.array(text),
	prerequisites: v.optional(
		v.nullable(v.array(v.strictObject({ id: idSchema, level, for: level }))),
		[]
	),
	levels: v.strictObject({
		'1': rubric(false),
		'2': rubric(true),
		'3': rubric(true),
		'4': rubric(false)
	}),
	resources: v.pipe(
		v.array(v.strictObject({ title: text, url: httpsUrl })),
		v.minLength(2, 'needs 2–5 resources'),
		v.maxLength(5, 'needs 2–5 resources')
	)
});

export const roleFileSchema = v.strictObject({
	id: idSchema,
	name: text,
	summary: text,
	years: v.pipe(v.union([v.string(), v.number()]), v.transform(String)),
	skills: v.pipe(
		v.array(
			v.strictObject({
				id: idSchema,
				level,
				importance: v.picklist(['must', 'nice'], "must be 'must' or 'nice'"),
				weight: v.optional(v.pipe(v.number(), v.gtValue(0), v.maxValue(1)))
			})
		),
		v.minLength(1, 'must list at least one skill')
	),
	// A seed passage, or a public page for what the seeds predate (agents, 2025–26 roles).
	justification: v.pipe(
		v.array(
			v.union([
				v.strictObject({ seed: text, passage: text }),
				v.strictObject({ source: httpsUrl, passage: text })
			])
		),
		v.minLength(1, 'must cite at least one seed passage or source')
	)
});

export const CARD_KINDS = ['qa', 'cloze', 'choice', 'code', 'failure'] as const;

export const cardsFileSchema = v.strictObject({
	skill: idSchema,
	cards: v.pipe(
		v.array(
			v.strictObject({
				id: idSchema,
				level,
				kind: v.picklist(CARD_KINDS, `must be one of ${CARD_KINDS.join(', ')}`),
				front: text,
				back: v.optional(text),
				source: httpsUrl,
				retired: v.optional(v.boolean(), false)
			})
		),
		v.minLength(1, 'must hold at least one card')
	)
});

export type SkillFile = v.InferOutput<typeof skillFileSchema>;
export type RoleFile = v.InferOutput<typeof roleFileSchema>;
export type CardsFile = v.InferOutput<typeof cardsFileSchema>;
export type AreasFile = v.InferOutput<typeof areasFileSchema>;
