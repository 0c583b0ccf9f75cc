// Small graphs and gaps for the planner's tests (imported by *.spec.ts only).
import type { GapEntry, Prerequisite, Skill } from '../types';
import type { PlanBudget, PlanCard } from './types';

export function skill(
	id: string,
	area: string,
	hours: [number, number, number, number],
	prerequisites: Prerequisite[] = []
): Skill {
	return {
		id,
		name: id[0]!.toUpperCase() + id.slice(1),
		area,
		summary: `${id} summary`,
		aliases: [id],
		prerequisites,
		levels: hours.map((h, i) => ({
			level: (i + 1) as 1 | 2 | 3 | 4,
			hours: h,
			can: [`can ${id} ${i + 1}a`, `can ${id} ${i + 1}b`],
			project: i === 1 || i === 2 ? `project ${id} ${i + 1}` : undefined
		})),
		resources: [{ title: `${id} docs`, url: `https://example.com/${id}` }]
	};
}

export function entry(
	skillId: string,
	current: number,
	target: number,
	opts: Partial<GapEntry> = {}
): GapEntry {
	return {
		skillId,
		current,
		target,
		selfRated: current,
		gap: target - current,
		weight: 1,
		direct: true,
		via: [],
		...opts
	};
}

/** python → docker → kubernetes (mlops), git (software), stats (ml-foundations). */
export const graph = {
	skills: [
		skill('python', 'software', [2, 4, 6, 8]),
		skill('git', 'software', [1, 2, 3, 4]),
		skill('docker', 'mlops', [1, 3, 5, 7], [{ id: 'python', level: 2, forLevel: 2 }]),
		skill('kubernetes', 'mlops', [2, 4, 6, 8], [{ id: 'docker', level: 2, forLevel: 1 }]),
		skill('stats', 'ml-foundations', [2, 2, 2, 2])
	]
};

export const deck: PlanCard[] = [
	{ id: 'docker-1a', skillId: 'docker', level: 1 },
	{ id: 'docker-2a', skillId: 'docker', level: 2 },
	{ id: 'docker-2b', skillId: 'docker', level: 2 },
	{ id: 'docker-2old', skillId: 'docker', level: 2, retired: true },
	{ id: 'python-1a', skillId: 'python', level: 1 },
	{ id: 'python-2a', skillId: 'python', level: 2 }
];

export const everyDay45: PlanBudget = {
	minutesPerDay: 45,
	studyDays: [1, 2, 3, 4, 5, 6, 7],
	lightDays: [6, 7],
	lightMinutes: 20
};
