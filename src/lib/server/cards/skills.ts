import { getGraph } from '$lib/server/content';

/** True for an id of the competency graph: a card must belong to a real skill. */
export function isSkill(id: string): boolean {
	return getGraph().skillById.has(id);
}

export interface SkillGroup {
	area: { id: string; name: string };
	skills: { id: string; name: string }[];
}

let groups: SkillGroup[] | undefined;

/** Skills grouped by area, in the graph's area order, for <select> menus with <optgroup>s. */
export function skillGroups(): SkillGroup[] {
	groups ??= getGraph().areas.map((area) => ({
		area: { id: area.id, name: area.name },
		skills: getGraph()
			.skills.filter((s) => s.area === area.id)
			.map((s) => ({ id: s.id, name: s.name }))
			.sort((a, b) => a.name.localeCompare(b.name))
	}));
	return groups;
}

export function skillName(id: string): string {
	return getGraph().skillById.get(id)?.name ?? id;
}
