// What the /plan page shows, cut down from the plan view: the weeks ahead with each
// item's minutes in them, and only the items those weeks (and the finished list) need.
import { getGraph } from '$lib/server/content';
import { formatDay } from '$lib/core/plan/dates';
import type { PlanView, PlanViewItem } from '$lib/server/plan/service';

/** Weeks listed on the page; the rest are summarised in one line. */
export const WEEKS_SHOWN = 12;

export type PageItem = ReturnType<typeof pageItem>;

function pageItem(i: PlanViewItem) {
	const area = getGraph().areas.find((a) => a.id === i.area);
	return {
		key: i.key,
		skillId: i.skillId,
		skillName: i.skillName,
		areaName: area?.name ?? i.area,
		fromLevel: i.fromLevel,
		toLevel: i.toLevel,
		minutes: i.minutes,
		start: i.start,
		end: i.end,
		reason: i.reason,
		project: i.project,
		can: i.can,
		resources: i.resources,
		cardCount: i.cardIds.length,
		status: i.status,
		doneOn: i.doneOn
	};
}

export function pageData(view: PlanView, allWeeks: boolean) {
	const items = new Map(view.items.map((i) => [i.key, i]));
	const upcoming = view.weeks.filter((w) => w.end >= view.today);
	const shown = allWeeks ? upcoming : upcoming.slice(0, WEEKS_SHOWN);
	// A step spanning weeks is shown in full once, where it first appears.
	const listed = new Set<string>();
	const weeks = shown.map((w) => ({
		week: w.week,
		label: `${formatDay(w.start, false)} – ${formatDay(w.end, false)}`,
		isThisWeek: w.start <= view.today && view.today <= w.end,
		studyMinutes: w.studyMinutes,
		reviewMinutes: w.reviewMinutes,
		budgetMinutes: w.budgetMinutes,
		entries: w.items.map((key) => ({
			key,
			first: !listed.has(key) && Boolean(listed.add(key)),
			minutes: (items.get(key)?.sessions ?? [])
				.filter((s) => s.date >= w.start && s.date <= w.end)
				.reduce((sum, s) => sum + s.minutes, 0)
		}))
	}));
	const needed = new Set(weeks.flatMap((w) => w.entries.map((e) => e.key)));
	if (view.current) needed.add(view.current.key);
	const finished = view.items.filter((i) => i.status !== 'planned');
	const left = view.items.filter((i) => i.status === 'planned');
	return {
		target: view.target,
		today: view.today,
		finish: view.finish,
		feasible: view.feasible,
		feasibility: view.feasibility,
		progress: view.progress,
		adjustment: view.adjustment,
		newPerDay: view.pacing.newPerDay,
		minutesLeft: left.reduce((sum, i) => sum + i.minutes, 0),
		stepsLeft: left.length,
		weeks,
		moreWeeks: upcoming.length - shown.length,
		items: Object.fromEntries(
			view.items.filter((i) => needed.has(i.key)).map((i) => [i.key, pageItem(i)])
		),
		finished: finished.map(pageItem),
		currentKey: view.current?.key ?? null
	};
}
