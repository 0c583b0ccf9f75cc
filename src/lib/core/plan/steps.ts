// From a gap to the set of level steps to learn, each with the steps it must wait for,
// the target skills it serves, and a priority. Scheduling them in time is schedule.ts.
import type { GapEntry, Skill } from '../types';
import type { PlanInput } from './types';

export const stepKey = (skillId: string, level: number) => `${skillId}@${level}`;

/** Priority = (weight × gap + UNLOCK_BONUS × target skills unlocked) / √hours. */
export const UNLOCK_BONUS = 0.5;

export interface Step {
	index: number;
	key: string;
	skill: Skill;
	toLevel: number;
	hours: number;
	minutes: number;
	weight: number;
	/** Levels the skill still lacks (target − current), the "gap" in weight × gap. */
	gap: number;
	direct: boolean;
	added: boolean;
	/** Indices of the steps to finish first. */
	after: number[];
	/** Indices of the steps waiting for this one. */
	dependents: number[];
	/** Direct target skills that need this step, itself included. */
	targets: Set<string>;
	priority: number;
	via: string[];
}

export interface PreparedSteps {
	steps: Step[];
	/** Gap entries by skill id, for explanations. */
	entries: Map<string, GapEntry>;
	skillById: Map<string, Skill>;
}

interface Demand {
	target: number;
	weight: number;
	gap: number;
	direct: boolean;
	added: boolean;
	via: string[];
}

/** Every step between each skill's current level and the level the gap (or a prerequisite) needs. */
export function prepareSteps(input: Pick<PlanInput, 'graph' | 'gap' | 'finished' | 'levels'>) {
	const skillById = new Map(input.graph.skills.map((s) => [s.id, s]));
	const entries = new Map<string, GapEntry>();
	for (const e of input.gap)
		if (skillById.has(e.skillId) && !entries.has(e.skillId)) entries.set(e.skillId, e);
	const finished = new Set(input.finished ?? []);
	const current = (id: string) =>
		Math.max(0, Math.floor(entries.get(id)?.current ?? input.levels?.[id] ?? 0));
	const reached = (id: string, level: number) =>
		level <= current(id) || finished.has(stepKey(id, level));

	// Demands per skill: the gap's, raised where a prerequisite edge asks for more.
	const demand = new Map<string, Demand>();
	for (const e of entries.values()) {
		const max = skillById.get(e.skillId)!.levels.length;
		demand.set(e.skillId, {
			target: Math.min(max, Math.floor(e.target)),
			weight: e.weight,
			gap: Math.max(0, Number.isFinite(e.gap) ? e.gap : e.target - e.current),
			direct: e.direct,
			added: false,
			via: e.via
		});
	}
	const queue = [...demand.keys()];
	while (queue.length > 0) {
		const id = queue.shift()!;
		const d = demand.get(id)!;
		// A level already reached needs nothing more (graph.ts's closure agrees).
		if (d.target <= current(id)) continue;
		for (const edge of skillById.get(id)!.prerequisites) {
			// Every edge up to the demanded level counts, as in graph.ts's closure: a learner
			// already past `forLevel` still needs the prerequisite for the levels above it.
			if (edge.forLevel > d.target || !skillById.has(edge.id)) continue;
			if (reached(edge.id, edge.level)) continue;
			const had = demand.get(edge.id);
			const level = Math.min(edge.level, skillById.get(edge.id)!.levels.length);
			if (had && had.target >= level) continue;
			demand.set(edge.id, {
				target: level,
				weight: had?.weight ?? d.weight,
				gap: Math.max(had?.gap ?? 0, level - current(edge.id)),
				direct: had?.direct ?? false,
				added: true,
				via: had?.via ?? [...(d.direct ? [id] : d.via.length ? [...d.via, id] : [id])]
			});
			queue.push(edge.id);
		}
	}

	// One step per level not yet reached, skills in graph order so the result is stable.
	const steps: Step[] = [];
	const byKey = new Map<string, Step>();
	for (const skill of input.graph.skills) {
		const d = demand.get(skill.id);
		if (!d) continue;
		const gapTarget = entries.get(skill.id)?.target ?? 0;
		for (let level = current(skill.id) + 1; level <= d.target; level++) {
			const key = stepKey(skill.id, level);
			if (finished.has(key)) continue;
			const hours = skill.levels[level - 1]?.hours ?? 0;
			const step: Step = {
				index: steps.length,
				key,
				skill,
				toLevel: level,
				hours,
				minutes: Math.max(1, Math.round(hours * 60)),
				weight: d.weight,
				gap: d.gap,
				direct: d.direct && level <= gapTarget,
				added: level > gapTarget,
				after: [],
				dependents: [],
				targets: new Set(),
				priority: 0,
				via: d.via
			};
			steps.push(step);
			byKey.set(key, step);
		}
	}

	/** The highest unfinished step of `id` at or below `level`: the one to wait for. */
	const blocker = (id: string, level: number) => {
		for (let l = level; l > current(id); l--) {
			const s = byKey.get(stepKey(id, l));
			if (s) return s;
		}
		return undefined;
	};
	for (const step of steps) {
		const wait = new Set<Step>();
		const below = blocker(step.skill.id, step.toLevel - 1);
		if (below) wait.add(below);
		for (const edge of step.skill.prerequisites) {
			if (edge.forLevel > step.toLevel || edge.id === step.skill.id) continue;
			const b = blocker(edge.id, edge.level);
			if (b) wait.add(b);
		}
		step.after = [...wait].map((s) => s.index).sort((a, b) => a - b);
		for (const a of step.after) steps[a]!.dependents.push(step.index);
	}

	computeTargets(steps);
	for (const s of steps) {
		const value = s.weight * s.gap + UNLOCK_BONUS * s.targets.size;
		s.priority = value / Math.sqrt(Math.max(0.5, s.hours));
	}
	return { steps, entries, skillById } satisfies PreparedSteps;
}

/** Which direct target skills each step serves: its own (if direct) and its dependents'. */
function computeTargets(steps: Step[]) {
	const state = new Uint8Array(steps.length); // 0 new, 1 visiting, 2 done
	const visit = (root: Step) => {
		// Iterative post-order over dependents; a cycle (invalid content) is cut where found.
		const stack: { step: Step; next: number }[] = [{ step: root, next: 0 }];
		state[root.index] = 1;
		while (stack.length > 0) {
			const top = stack[stack.length - 1]!;
			if (top.next < top.step.dependents.length) {
				const dep = steps[top.step.dependents[top.next++]!]!;
				if (state[dep.index] === 0) {
					state[dep.index] = 1;
					stack.push({ step: dep, next: 0 });
				}
				continue;
			}
			const s = top.step;
			if (s.direct) s.targets.add(s.skill.id);
			for (const d of s.dependents) for (const t of steps[d]!.targets) s.targets.add(t);
			state[s.index] = 2;
			stack.pop();
		}
	};
	for (const s of steps) if (state[s.index] === 0) visit(s);
}
