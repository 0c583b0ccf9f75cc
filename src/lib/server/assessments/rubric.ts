import { getGraph } from '$lib/server/content';

/** A skill's rubric for the rating forms: the can-do statements of levels 1–4. */
export function rubricOf(skillId: string) {
	const skill = getGraph().skillById.get(skillId);
	if (!skill) return undefined;
	return {
		id: skill.id,
		name: skill.name,
		area: skill.area,
		levels: skill.levels.map((l) => ({ level: l.level, can: l.can, project: l.project ?? null }))
	};
}

/** The posted `level:<id>` fields of a rating form: skipped skills left out, bad values kept as NaN. */
export function readRatingFields(data: FormData, skillIds: readonly string[]) {
	const ratings: { skillId: string; level: number }[] = [];
	const chosen: Record<string, string> = {};
	for (const id of skillIds) {
		const value = data.get(`level:${id}`);
		if (typeof value !== 'string' || value === 'skip' || value === '') continue;
		chosen[id] = value;
		ratings.push({ skillId: id, level: /^[0-4]$/.test(value) ? Number(value) : NaN });
	}
	return { ratings, chosen };
}
