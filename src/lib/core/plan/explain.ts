// Why a step is in the plan, in one sentence: the target skill it serves, the
// prerequisite chain that leads there, and the weight that ranks it.
import type { PreparedSteps, Step } from './steps';

/**
 * The chain of skills from the nearest target skill down to this step's skill, found by
 * walking the steps that wait for it (breadth first, so the shortest chain wins; ties go
 * to the heavier target, then to the earlier step).
 */
export function chainFor(step: Step, prepared: PreparedSteps): string[] {
	if (step.direct) return [step.skill.id];
	const { steps } = prepared;
	const parent = new Map<number, number>([[step.index, -1]]);
	let frontier = [step.index];
	while (frontier.length > 0) {
		const hits = frontier.filter((i) => steps[i]!.direct);
		if (hits.length > 0) {
			const best = hits.reduce((a, b) => (steps[b]!.weight > steps[a]!.weight ? b : a));
			const path: string[] = [];
			for (let i = best; i >= 0; i = parent.get(i)!) {
				const id = steps[i]!.skill.id;
				if (path[path.length - 1] !== id) path.push(id);
			}
			return path;
		}
		const next: number[] = [];
		for (const i of frontier) {
			for (const d of steps[i]!.dependents) {
				if (!parent.has(d)) {
					parent.set(d, i);
					next.push(d);
				}
			}
		}
		frontier = next.sort((a, b) => a - b);
	}
	// Nothing left in the plan needs it: fall back to the gap's own chain.
	return [...step.via, step.skill.id];
}

const weightText = (w: number) => `weight ${Number(w.toFixed(2))}`;

export function explain(step: Step, chain: string[], prepared: PreparedSteps): string {
	const name = (id: string) => prepared.skillById.get(id)?.name ?? id;
	const from = step.toLevel - 1;
	const others = step.targets.size - (step.direct ? 1 : 0);
	const more =
		others > 0
			? `, and ${others} more target skill${others === 1 ? ' builds' : 's build'} on it`
			: '';
	if (step.direct) {
		const target = prepared.entries.get(step.skill.id)?.target ?? step.toLevel;
		return `${name(step.skill.id)} is a target skill (${weightText(step.weight)}): this step takes it from level ${from} to ${step.toLevel} of the ${target} needed${more}.`;
	}
	const targetId = chain[0]!;
	const targetWeight = prepared.entries.get(targetId)?.weight ?? step.weight;
	const path = chain.map(name).join(' → ');
	const count = step.targets.size;
	const served =
		count > 1
			? `; ${count} target skills depend on it`
			: count === 1
				? ''
				: ' (no target needs it any more)';
	return `Prerequisite for the target skill ${name(targetId)} (${weightText(targetWeight)}) through ${path}: ${name(step.skill.id)} must reach level ${step.toLevel} first${served}.`;
}
