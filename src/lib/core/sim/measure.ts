// True readiness: the gap's readiness formula over the levels a learner truly holds. A level
// above the true starting level counts once its material is read and its cards are truly
// mastered at the target bar: mastery (mean true R of studied cards × share studied) ≥ 0.9,
// on the learner's own forgetting curve. Levels held on day 0 count as held.
import { readinessOf } from '../gap';
import { levelMastery, type MemoryState } from '../mastery';
import { stepKey } from '../plan/steps';
import type { SimLearner } from './learner';
import type { DayModel } from './memory';
import type { SimCard } from './run';
import type { SimWorld } from './world';

export const TRUE_RETENTION_BAR = 0.9;

export interface Snapshot {
	day: number;
	readiness: number;
	targetMet: boolean;
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 5);

export function measure(
	world: SimWorld,
	learner: SimLearner,
	trueLevels: ReadonlyMap<string, number>,
	cards: ReadonlyMap<string, SimCard>,
	truth: DayModel,
	day: number
): Snapshot {
	const now = new Date(EPOCH + day * DAY_MS);
	// A skill's held level depends only on the skill and the cap: worked out once per measure.
	const memo = new Map<string, number>();
	const held = (skillId: string, upTo: number) => {
		const key = `${skillId}@${upTo}`;
		let value = memo.get(key);
		if (value === undefined) memo.set(key, (value = heldLevel(skillId, upTo)));
		return value;
	};
	const heldLevel = (skillId: string, upTo: number) => {
		const start = learner.trueLevels.get(skillId) ?? 0;
		const reached = Math.min(upTo, trueLevels.get(skillId) ?? 0);
		for (let level = start + 1; level <= reached; level++) {
			const ids = world.cardsByStep.get(stepKey(skillId, level)) ?? [];
			const states: MemoryState[] = [];
			for (const id of ids) {
				const c = cards.get(id);
				if (c)
					states.push({
						stability: c.truth.stability,
						state: 2,
						lastReview: new Date(EPOCH + c.truth.lastDay * DAY_MS)
					});
			}
			// True recall × share studied: the simulator knows the truth, so no proof over days is needed.
			const m = levelMastery({ level, total: ids.length, states }, now, truth.w);
			const share = m.total === 0 ? null : (m.meanRetrievability * m.studied) / m.total;
			if (share !== null && share < TRUE_RETENTION_BAR) return level - 1;
		}
		return Math.max(start, reached);
	};
	const entries = world.entries.map((e) => ({ ...e, current: held(e.skillId, e.target) }));
	const targetMet = world.targets.every(
		(t) => t.importance !== 'must' || held(t.id, t.targetLevel) >= t.targetLevel
	);
	return { day: day + 1, readiness: readinessOf(entries), targetMet };
}
