import type { GapEntry, Skill } from '../types';

/** A learner's study budget. Weekdays are ISO: 1 = Monday … 7 = Sunday. */
export interface PlanBudget {
	/** Minutes on a normal study day, reviews included. */
	minutesPerDay: number;
	studyDays: number[];
	/** Study days that get `lightMinutes` instead (a weekend, say). */
	lightDays: number[];
	lightMinutes: number;
}

/** Dates away, both ends included. */
export interface DateRange {
	start: string;
	end: string;
}

/** What the planner needs of a deck card. */
export interface PlanCard {
	id: string;
	skillId: string;
	level: number;
	retired?: boolean;
}

/** What the planner needs of the graph: skills (with levels, prerequisites, resources). */
export interface PlanGraph {
	skills: readonly Skill[];
}

export interface PlanInput {
	graph: PlanGraph;
	gap: readonly GapEntry[];
	deck: readonly PlanCard[];
	budget: PlanBudget;
	/** First day the plan may use. */
	start: string;
	targetDate?: string | null;
	breaks?: readonly DateRange[];
	/** Review minutes a day the learner's existing cards already ask for. */
	reviewMinutesPerDay?: number;
	/** Seconds one review takes on average; see review-load.ts for the default. */
	secondsPerReview?: number;
	/** Step keys ("docker@2") already done or skipped: they count as reached. */
	finished?: readonly string[];
	/** Current levels of skills outside the gap, for prerequisites the gap does not list. */
	levels?: Readonly<Record<string, number>>;
}

export interface PlanSession {
	date: string;
	minutes: number;
}

export interface PlanItem {
	/** `${skillId}@${toLevel}`: stable across re-plans. */
	key: string;
	skillId: string;
	skillName: string;
	area: string;
	fromLevel: number;
	toLevel: number;
	hours: number;
	minutes: number;
	/** Deck cards of this skill at this level, introduced while the step is studied. */
	cardIds: string[];
	/** The level's can-do statements: the self-check for marking the step done. */
	can: string[];
	/** The practice project, for steps reaching level 2 or 3. */
	project: string | null;
	start: string | null;
	end: string | null;
	/** Study minutes per day; an item paused for another area resumes later. */
	sessions: PlanSession[];
	/** One sentence: which target skill it serves, through which chain, at what weight. */
	reason: string;
	/** The target skill this step serves (itself when direct). */
	targetSkillId: string;
	/** Chain from the target skill down to this skill, both ends included. */
	chain: string[];
	weight: number;
	direct: boolean;
	/** Keys of the steps that must be finished first. */
	after: string[];
	/** How many target skills need this step, directly or through prerequisites. */
	unlocks: number;
	priority: number;
	/** True when the gap did not list this step but a prerequisite rule demanded it. */
	added: boolean;
}

export interface PlanWeek {
	/** ISO week, e.g. "2026-W10". */
	week: string;
	start: string;
	end: string;
	/** Keys of the items studied that week, in order. */
	items: string[];
	budgetMinutes: number;
	reviewMinutes: number;
	studyMinutes: number;
	/** Areas studied, in order of first appearance. */
	areas: string[];
}

export interface Feasibility {
	targetDate: string | null;
	/** null without a target date. */
	fits: boolean | null;
	/** Finish at the current budget (null when even ten years are not enough). */
	finishAtBudget: string | null;
	/** Minutes per day needed to finish by the target date (null if it already fits or cannot). */
	neededMinutesPerDay: number | null;
	message: string;
}

export interface Pacing {
	secondsPerReview: number;
	/** Existing review minutes a day, before the plan's new cards. */
	reviewMinutesPerDay: number;
	/** New cards a day the budget sustains. */
	newPerDay: number;
	maxReviewShare: number;
}

export interface Plan {
	start: string;
	finish: string | null;
	items: PlanItem[];
	weeks: PlanWeek[];
	totalMinutes: number;
	feasible: boolean | null;
	feasibility: Feasibility;
	pacing: Pacing;
	/** Steps that did not fit within the planning horizon (a budget with no study time). */
	unscheduled: string[];
}
