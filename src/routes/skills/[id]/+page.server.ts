import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getGraph, getSkillCards } from '$lib/server/content';
import { dependents, type Dependent } from '$lib/core/graph';
import { getDb } from '$lib/server/db';
import { latestLevel } from '$lib/server/assessments';

/** One entry per dependent skill, with every (its level → this skill's level) edge. */
function unlocks(edges: Dependent[], name: (id: string) => string) {
	const byId = new Map<
		string,
		{ id: string; name: string; edges: { forLevel: number; level: number }[] }
	>();
	for (const e of edges) {
		const entry = byId.get(e.id) ?? { id: e.id, name: name(e.id), edges: [] };
		entry.edges.push({ forLevel: e.forLevel, level: e.level });
		byId.set(e.id, entry);
	}
	return [...byId.values()];
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const graph = getGraph();
	const skill = graph.skillById.get(params.id);
	if (!skill) error(404, 'There is no skill with that id.');
	const name = (id: string) => graph.skillById.get(id)?.name ?? id;
	const area = graph.areas.find((a) => a.id === skill.area)!;
	const cards = await getSkillCards(skill.id);
	return {
		skill,
		area,
		needs: skill.prerequisites.map((p) => ({ ...p, name: name(p.id) })),
		unlocks: unlocks(dependents(graph, skill.id), name),
		cards: cards.map(({ id, level, kind, frontHtml, backHtml, source }) => ({
			id,
			level,
			kind,
			frontHtml,
			backHtml,
			source
		})),
		userLevel: locals.user ? await latestLevel(await getDb(), locals.user.id, skill.id) : null,
		signedIn: locals.user !== null
	};
};
