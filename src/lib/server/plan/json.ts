// The plan's JSON face (GET /api/plan): the fields first, then the rest a client
// needs. Per-day sessions stay out; the weeks carry the totals.
import type { PlanView, PlanViewItem } from './service';

export function itemJson(i: PlanViewItem) {
	return {
		skillId: i.skillId,
		fromLevel: i.fromLevel,
		toLevel: i.toLevel,
		minutes: i.minutes,
		start: i.start,
		end: i.end,
		reason: i.reason,
		key: i.key,
		skillName: i.skillName,
		area: i.area,
		hours: i.hours,
		status: i.status,
		doneOn: i.doneOn,
		cardIds: i.cardIds,
		project: i.project,
		can: i.can,
		resources: i.resources,
		targetSkillId: i.targetSkillId,
		chain: i.chain,
		weight: i.weight,
		direct: i.direct,
		after: i.after
	};
}

export function planJson(view: PlanView) {
	return {
		items: view.items.map(itemJson),
		feasible: view.feasible,
		finish: view.finish,
		feasibility: view.feasibility,
		target: view.target,
		today: view.today,
		start: view.start,
		generatedOn: view.generatedOn,
		current: view.current?.key ?? null,
		progress: view.progress,
		adjustment: view.adjustment,
		pacing: view.pacing,
		totalMinutes: view.totalMinutes,
		weeks: view.weeks,
		settings: view.settings
	};
}
