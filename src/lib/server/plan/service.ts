// The learner's plan: loaded with progress merged in, steps marked done or skipped, and
// the plan's cards handed to the review queue.
import { planProgress } from '$lib/server/db/schema';
import { latestRatings, recordRatings, type Queryable } from '$lib/server/assessments/store';
import type { PlanItem } from '$lib/core/plan/types';
import { reviewWorkload } from './workload';
import { ensurePlan, finishedMap, type LoadOptions } from './stored';
import { buildView, type PlanView } from './view';

export type { ItemStatus, PlanView, PlanViewItem } from './view';
export type { LoadOptions } from './stored';

/** The learner's plan for their active target, with progress merged in; null without one. */
export async function loadPlan(
	db: Queryable,
	userId: string,
	now: Date,
	options: LoadOptions = {}
): Promise<PlanView | null> {
	const ensured = await ensurePlan(db, userId, now, options);
	if (!ensured) return null;
	const workload = ensured.workload ?? (await reviewWorkload(db, userId, now));
	return buildView({ ...ensured, workload });
}

export type MarkResult = { ok: true } | { ok: false; reason: 'not-found' | 'finished' };

/**
 * Marks one planned step done or skipped. Done also records the level the step reaches
 * as an assessment (source 'plan'), unless the learner already rated themselves higher.
 */
export async function markStep(
	db: Queryable,
	userId: string,
	key: string,
	status: 'done' | 'skipped',
	now: Date
): Promise<MarkResult> {
	const view = await loadPlan(db, userId, now);
	const item = view?.items.find((i) => i.key === key);
	if (!view || !item) return { ok: false, reason: 'not-found' };
	if (item.status !== 'planned') return { ok: false, reason: 'finished' };
	// The planned item as it stands, without the view's own fields.
	const snapshot: PlanItem = Object.fromEntries(
		Object.entries(item).filter(([k]) => !['status', 'doneOn', 'resources'].includes(k))
	) as unknown as PlanItem;
	await db.transaction(async (tx) => {
		await tx.insert(planProgress).values({
			userId,
			stepKey: key,
			skillId: item.skillId,
			level: item.toLevel,
			status,
			on: view.today,
			item: snapshot,
			createdAt: now
		});
		if (status !== 'done') return;
		// The step's level becomes the learner's rating, unless they already rated higher.
		const latest = (await latestRatings(tx, userId)).get(item.skillId);
		if ((latest?.level ?? 0) < item.toLevel) {
			await recordRatings(
				tx,
				userId,
				[{ skillId: item.skillId, level: item.toLevel }],
				'plan',
				now
			);
		}
	});
	return { ok: true };
}

/**
 * The plan's cards for the review queue (src/lib/server/reviews/new-cards.ts), in plan order:
 * cards of the steps already done, then of the steps under way today, then of the steps still
 * ahead — so the queue can offer as many new cards a day as the plan's pace allows, even when
 * the current steps have only a few. Also how many new cards a day the budget sustains, that
 * budget, and whether any step is left. The caller drops cards the learner has already seen.
 * Null without a plan.
 */
export async function currentPlanCards(
	db: Queryable,
	userId: string,
	now: Date
): Promise<{
	cardIds: string[];
	newPerDay: number;
	minutesPerDay: number;
	stepsLeft: boolean;
} | null> {
	const ensured = await ensurePlan(db, userId, now, {});
	if (!ensured) return null;
	const { plan, progress, today, settings } = ensured;
	const finished = finishedMap(progress);
	const open = plan.items.filter((i) => !finished.has(i.key));
	const underway = open.filter((i) => i.start !== null && i.start <= today);
	const ahead = open.filter((i) => !underway.includes(i));
	const done = progress
		.filter((p) => p.status === 'done')
		.sort((a, b) => a.on.localeCompare(b.on) || a.stepKey.localeCompare(b.stepKey))
		.map((p) => p.item);
	const ids = [...done, ...underway, ...ahead].flatMap((i) => i.cardIds);
	return {
		cardIds: [...new Set(ids)],
		newPerDay: plan.pacing.newPerDay,
		minutesPerDay: settings.minutesPerDay,
		stepsLeft: open.length > 0
	};
}
