import * as v from 'valibot';
import { DEFAULT_WEIGHT } from '$lib/core/gap';
import { MAX_JD_CHARS } from '$lib/core/jd';
import type { Role, TargetSkill } from '$lib/core/types';
import { getGraph } from '$lib/server/content';
import { skillIdSchema } from '$lib/server/assessments/schemas';

export const MAX_TARGET_SKILLS = 60;
export const MAX_NAME = 80;

export const targetNameSchema = v.pipe(
	v.string('Give the target a name.'),
	v.trim(),
	v.minLength(1, 'Give the target a name.'),
	v.maxLength(MAX_NAME, `Keep the name under ${MAX_NAME + 1} characters.`)
);

const targetLevelSchema = v.pipe(
	v.number('Choose a target level from 1 to 4.'),
	v.integer('Choose a target level from 1 to 4.'),
	v.minValue(1, 'Choose a target level from 1 to 4.'),
	v.maxValue(4, 'Choose a target level from 1 to 4.')
);

export const targetSkillSchema = v.object({
	id: skillIdSchema,
	targetLevel: targetLevelSchema,
	importance: v.picklist(['must', 'nice'], 'Importance is "must" or "nice".'),
	weight: v.optional(
		v.pipe(
			v.number('A weight is a number.'),
			v.minValue(0.1, 'A weight is between 0.1 and 1.'),
			v.maxValue(1, 'A weight is between 0.1 and 1.')
		)
	)
});

export const targetSkillsSchema = v.pipe(
	v.array(targetSkillSchema, 'Send skills as a list.'),
	v.minLength(1, 'Keep at least one skill.'),
	v.maxLength(MAX_TARGET_SKILLS, `Keep at most ${MAX_TARGET_SKILLS} skills.`),
	v.check((list) => new Set(list.map((s) => s.id)).size === list.length, 'List each skill once.')
);

export const jdTextSchema = v.pipe(
	v.string('Paste the job description as text.'),
	v.trim(),
	v.minLength(1, 'Paste a job description first.'),
	v.maxLength(MAX_JD_CHARS, `Paste at most ${MAX_JD_CHARS.toLocaleString('en')} characters.`)
);

const roleIdSchema = v.pipe(
	v.string('Give a role id.'),
	v.check((id) => getGraph().roleById.has(id), 'No role profile has this id.')
);

/** POST /api/targets and the save-target forms: a role, a skill list, or both. */
export const createTargetSchema = v.pipe(
	v.object({
		name: targetNameSchema,
		roleId: v.optional(v.nullable(roleIdSchema)),
		skills: v.optional(targetSkillsSchema),
		jdText: v.optional(v.nullable(jdTextSchema)),
		active: v.optional(v.boolean('active is true or false.'), true)
	}),
	v.forward(
		v.check((t) => Boolean(t.roleId) || t.skills !== undefined, 'Choose a role or list skills.'),
		['skills']
	)
);

export type CreateTargetInput = v.InferOutput<typeof createTargetSchema>;

/** A target skill with its weight filled in from its importance. */
export function withWeight(s: v.InferOutput<typeof targetSkillSchema>): TargetSkill {
	return {
		id: s.id,
		targetLevel: s.targetLevel,
		importance: s.importance,
		weight: s.weight ?? DEFAULT_WEIGHT[s.importance]
	};
}

export function roleSkills(role: Role): TargetSkill[] {
	return role.skills.map((s) => ({
		id: s.id,
		targetLevel: s.level,
		importance: s.importance,
		weight: s.weight
	}));
}

/** The skills a validated create request asks for: its own list, else the role's. */
export function requestedSkills(input: CreateTargetInput): TargetSkill[] {
	if (input.skills) return input.skills.map(withWeight);
	return roleSkills(getGraph().roleById.get(input.roleId!)!);
}
