import { getGraph } from '$lib/server/content';

export interface SkillOptionGroup {
	area: { id: string; name: string };
	skills: { id: string; name: string }[];
}

let groups: SkillOptionGroup[] | undefined;

/** Every skill grouped by area in the graph's area order, for "Add a skill" menus. */
export function skillOptions(): SkillOptionGroup[] {
	const graph = getGraph();
	groups ??= graph.areas.map((area) => ({
		area: { id: area.id, name: area.name },
		skills: graph.skills
			.filter((s) => s.area === area.id)
			.map((s) => ({ id: s.id, name: s.name }))
			.sort((a, b) => a.name.localeCompare(b.name))
	}));
	return groups;
}

// The career ladder first, in order of seniority; specialisations after it.
const LADDER = ['junior-mle', 'mle-ii', 'senior-mle', 'staff-mle'];
const rank = (id: string) => (LADDER.includes(id) ? LADDER.indexOf(id) : LADDER.length);

/** Role profiles as the first-run page lists them. */
export function roleChoices() {
	const roles = [...getGraph().roles].sort((a, b) => rank(a.id) - rank(b.id));
	return roles.map((r) => ({
		id: r.id,
		name: r.name,
		summary: r.summary,
		years: r.years,
		skills: r.skills.length
	}));
}
