// A small world for the simulator's tests (imported by *.spec.ts only): three skills in a
// chain, a role that needs the top one, four cards per level.
import { skill } from '../plan/plan-fixtures';
import type { PlanCard } from '../plan/types';
import type { Graph, Role } from '../types';
import { buildWorld } from './world';

export function smallWorld() {
	const skills = [
		skill('base', 'a', [2, 3, 4, 5]),
		skill('middle', 'a', [2, 3, 4, 5], [{ id: 'base', level: 2, forLevel: 2 }]),
		skill('top', 'b', [2, 3, 4, 5], [{ id: 'middle', level: 2, forLevel: 1 }])
	];
	const role: Role = {
		id: 'tester',
		name: 'Tester',
		summary: '',
		years: '0',
		skills: [
			{ id: 'top', level: 3, importance: 'must', weight: 1 },
			{ id: 'base', level: 2, importance: 'nice', weight: 0.5 }
		],
		justification: []
	};
	const graph: Graph = {
		areas: [],
		skills,
		roles: [role],
		skillById: new Map(skills.map((s) => [s.id, s])),
		roleById: new Map([[role.id, role]])
	};
	const deck: PlanCard[] = skills.flatMap((s) =>
		[1, 2, 3, 4].flatMap((level) =>
			[1, 2, 3, 4].map((n) => ({ id: `${s.id}-${level}-${n}`, skillId: s.id, level }))
		)
	);
	return buildWorld(graph, role.id, deck);
}
