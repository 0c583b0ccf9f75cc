// The domain's shared vocabulary. Content is parsed into these shapes once, at the edge.

/** 0 none · 1 aware · 2 can do with guidance · 3 independent in production · 4 leads/teaches. */
export type Level = 0 | 1 | 2 | 3 | 4;
export const MAX_LEVEL = 4;

export interface Area {
	id: string;
	name: string;
	colour: string;
}

/** To reach `forLevel` of the skill that lists this edge, skill `id` must be at `level` or above. */
export interface Prerequisite {
	id: string;
	level: number;
	forLevel: number;
}

export interface LevelRubric {
	level: 1 | 2 | 3 | 4;
	/** Study hours for the step from level − 1 to this level. */
	hours: number;
	can: string[];
	project?: string;
}

export interface Resource {
	title: string;
	url: string;
}

export interface Skill {
	id: string;
	name: string;
	area: string;
	summary: string;
	aliases: string[];
	prerequisites: Prerequisite[];
	/** Levels 1–4 in order: levels[0] is level 1. */
	levels: LevelRubric[];
	resources: Resource[];
}

export type Importance = 'must' | 'nice';

export interface RoleSkill {
	id: string;
	level: number;
	importance: Importance;
	weight: number;
}

export interface Role {
	id: string;
	name: string;
	summary: string;
	years: string;
	skills: RoleSkill[];
	justification: ({ seed: string; passage: string } | { source: string; passage: string })[];
}

export interface Graph {
	areas: Area[];
	skills: Skill[];
	roles: Role[];
	skillById: ReadonlyMap<string, Skill>;
	roleById: ReadonlyMap<string, Role>;
}

export type CardKind = 'qa' | 'cloze' | 'choice' | 'code' | 'failure';

/** A built-in review card as written in content/cards (Markdown). */
export interface DeckCard {
	id: string;
	skillId: string;
	level: number;
	kind: CardKind;
	front: string;
	back: string;
	source: string;
	retired: boolean;
}

/** A card ready for the phone: Markdown already rendered to sanitised HTML. */
export interface RenderedCard {
	id: string;
	skillId: string;
	level: number;
	kind: CardKind;
	frontHtml: string;
	backHtml: string;
	source: string | null;
	retired: boolean;
	personal: boolean;
}

/** One skill of a target: the level a role or job description asks for, and how much it counts. */
export interface TargetSkill {
	id: string;
	targetLevel: number;
	importance: Importance;
	weight: number;
}

/** One row of the gap between where a learner is and where a target needs them. */
export interface GapEntry {
	skillId: string;
	target: number;
	current: number;
	/** The latest self-rating, before evidence from reviews adjusts it. */
	selfRated: number;
	gap: number;
	weight: number;
	/** True when the target names the skill; false when it is only a prerequisite of one. */
	direct: boolean;
	/** The prerequisite chain that pulls the skill in, target skill first; empty when direct. */
	via: string[];
}
