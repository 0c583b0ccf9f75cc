// What a learner sees of their plan: the stored plan with their finished steps merged in,
// each step's resources, the current step and how far ahead or behind they are.
import type { PlanAdjustment, PlanProgressRow } from '$lib/server/db/schema';
import { getGraph } from '$lib/server/content';
import { currentItem, measureProgress, type Progress } from '$lib/core/plan/progress';
import type { Plan, PlanItem, PlanWeek } from '$lib/core/plan/types';
import type { GapEntry, Resource } from '$lib/core/types';
import type { PlanSettings } from './settings';
import type { ReviewWorkload } from './workload';
import type { TargetGap } from './target-gap';
import { finishedMap } from './stored';

export type ItemStatus = 'planned' | 'done' | 'skipped';

export interface PlanViewItem extends PlanItem {
	status: ItemStatus;
	/** When it was marked done or skipped. */
	doneOn: string | null;
	resources: Resource[];
}

export interface PlanView {
	target: { id: string; name: string };
	today: string;
	generatedOn: string;
	start: string;
	finish: string | null;
	feasible: boolean | null;
	feasibility: Plan['feasibility'];
	pacing: Plan['pacing'];
	totalMinutes: number;
	/** Finished steps first (by date), then the plan in order. */
	items: PlanViewItem[];
	weeks: PlanWeek[];
	current: PlanViewItem | null;
	progress: Progress;
	adjustment: PlanAdjustment | null;
	settings: PlanSettings;
	workload: ReviewWorkload;
}

export function buildView(args: {
	gap: TargetGap;
	plan: Plan;
	progress: PlanProgressRow[];
	today: string;
	generatedOn: string;
	adjustment: PlanAdjustment | null;
	settings: PlanSettings;
	workload: ReviewWorkload;
}): PlanView {
	const { gap, plan, progress, today } = args;
	const graph = getGraph();
	const finished = finishedMap(progress);
	const inTarget = new Set(gap.entries.map((e: GapEntry) => e.skillId));
	const resources = (skillId: string) => graph.skillById.get(skillId)?.resources ?? [];
	const planned = new Set(plan.items.map((i) => i.key));
	const earlier: PlanViewItem[] = progress
		.filter((p) => !planned.has(p.stepKey) && inTarget.has(p.skillId))
		.sort((a, b) => a.on.localeCompare(b.on) || a.stepKey.localeCompare(b.stepKey))
		.map((p) => ({ ...p.item, status: p.status, doneOn: p.on, resources: resources(p.skillId) }));
	const current: PlanViewItem[] = plan.items.map((i) => {
		const f = finished.get(i.key);
		return {
			...i,
			status: f?.status ?? 'planned',
			doneOn: f?.on ?? null,
			resources: resources(i.skillId)
		};
	});
	const items = [...earlier, ...current];
	return {
		target: { id: gap.target.id, name: gap.target.name },
		today,
		generatedOn: args.generatedOn,
		start: plan.start,
		finish: plan.finish,
		feasible: plan.feasible,
		feasibility: plan.feasibility,
		pacing: plan.pacing,
		totalMinutes: plan.totalMinutes,
		items,
		weeks: plan.weeks,
		current: currentItem(current, (i) => i.status !== 'planned', today),
		progress: measureProgress(plan, finished, today),
		adjustment: args.adjustment,
		settings: args.settings,
		workload: args.workload
	};
}
