// Everything a simulation needs that does not depend on the learner: the role's targets,
// the prerequisite closure, the deck indexed by step, and what each step's pass credits.
import { prerequisiteClosure, type RequiredSkill } from '../graph';
import { computeGap } from '../gap';
import { stepKey } from '../plan/steps';
import type { PlanCard } from '../plan/types';
import { creditedLevels } from '../scheduling/credit';
import type { GapEntry, Graph, Role, TargetSkill } from '../types';

export interface CreditLink {
	cardIds: string[];
	distance: number;
}

export interface SimWorld {
	graph: Graph;
	role: Role;
	targets: TargetSkill[];
	/** The role's own skills: the cards interview-date mode looks after. */
	targetSkills: Set<string>;
	required: RequiredSkill[];
	/** The gap's entries (weights, targets) for readiness; `current` is filled per learner. */
	entries: GapEntry[];
	deck: PlanCard[];
	cardsByStep: Map<string, string[]>;
	cardById: Map<string, PlanCard>;
	/** Per step key: the prerequisite cards a pass credits, with their graph distance. */
	credits: Map<string, CreditLink[]>;
	/** Direct prerequisite cards of a step: the ones a failure may bring forward. */
	prerequisiteCards: Map<string, string[]>;
}

export function buildWorld(graph: Graph, roleId: string, deck: readonly PlanCard[]): SimWorld {
	const role = graph.roleById.get(roleId);
	if (!role) throw new Error(`unknown role ${roleId}`);
	const targets = role.skills.map((s) => ({
		id: s.id,
		targetLevel: s.level,
		importance: s.importance,
		weight: s.weight
	}));
	const required = prerequisiteClosure(
		graph,
		targets.map((t) => ({ id: t.id, level: t.targetLevel }))
	);
	const active = deck.filter((c) => !c.retired);
	const cardsByStep = new Map<string, string[]>();
	for (const card of [...active].sort((a, b) => a.id.localeCompare(b.id))) {
		const key = stepKey(card.skillId, card.level);
		cardsByStep.set(key, [...(cardsByStep.get(key) ?? []), card.id]);
	}
	const credits = new Map<string, CreditLink[]>();
	const prerequisiteCards = new Map<string, string[]>();
	for (const key of cardsByStep.keys()) {
		const [skillId, level] = key.split('@') as [string, string];
		const links = creditedLevels(graph, skillId, Number(level)).map((l) => ({
			cardIds: cardsByStep.get(stepKey(l.skillId, l.level)) ?? [],
			distance: l.distance
		}));
		credits.set(key, links);
		prerequisiteCards.set(
			key,
			links.filter((l) => l.distance === 1).flatMap((l) => l.cardIds)
		);
	}
	return {
		graph,
		role,
		targets,
		targetSkills: new Set(targets.map((t) => t.id)),
		required,
		entries: computeGap(graph, targets, new Map()).entries,
		deck: active,
		cardsByStep,
		cardById: new Map(active.map((c) => [c.id, c])),
		credits,
		prerequisiteCards
	};
}
