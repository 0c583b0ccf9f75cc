// The learner's plan: made from their active target's gap, stored, re-planned when its
// inputs change or the learner drifts from it, and merged with what they finished.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import { planProgress, studyPlan } from '$lib/server/db/schema';
import { latestRatings, recordRatings } from '$lib/server/assessments/store';
import type { PlanAdjustment, PlanProgressRow } from '$lib/server/db/schema';
import { getDeckSource, getGraph } from '$lib/server/content';
import { planStudy } from '$lib/core/plan/planner';
import {
	currentItem,
	measureProgress,
	type Finished,
	type Progress
} from '$lib/core/plan/progress';
import type { Plan, PlanItem, PlanWeek } from '$lib/core/plan/types';
import type { GapEntry, Resource } from '$lib/core/types';
import { getSettings, type PlanSettings } from './settings';
import { reviewWorkload, type ReviewWorkload } from './workload';
import { activeTargetGap, type TargetGap } from './target-gap';
import { learnerDay } from './clock';

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

export interface LoadOptions {
	/** Re-plan now, as the learner asked. */
	replan?: boolean;
}

export async function getProgress(db: Database, userId: string): Promise<PlanProgressRow[]> {
	return db.select().from(planProgress).where(eq(planProgress.userId, userId));
}

/**
 * What the plan is made from, hashed: the target, the budget, and each skill's target
 * level, weight and self-rated level. A level the plan itself raised (a step marked done)
 * does not count as a change — the plan already knows — so marking done does not re-plan
 * by itself; a new self-assessment does.
 */
export function inputsHash(gap: TargetGap, settings: PlanSettings, progress: PlanProgressRow[]) {
	const planned = new Map<string, number>();
	for (const p of progress) planned.set(p.skillId, Math.max(planned.get(p.skillId) ?? 0, p.level));
	const entries = [...gap.entries]
		.sort((a, b) => a.skillId.localeCompare(b.skillId))
		.map((e) => [
			e.skillId,
			e.target,
			e.weight,
			e.direct,
			e.selfRated > (planned.get(e.skillId) ?? 0) ? e.selfRated : 'plan'
		]);
	return createHash('sha256')
		.update(JSON.stringify({ target: gap.target.id, entries, settings }))
		.digest('hex');
}

function makePlan(
	gap: TargetGap,
	settings: PlanSettings,
	progress: PlanProgressRow[],
	workload: ReviewWorkload,
	today: string
): Plan {
	return planStudy({
		graph: getGraph(),
		gap: gap.entries,
		deck: getDeckSource(),
		budget: settings,
		start: today,
		targetDate: settings.targetDate,
		breaks: settings.breaks,
		reviewMinutesPerDay: workload.reviewMinutesPerDay,
		secondsPerReview: workload.secondsPerReview,
		finished: progress.map((p) => p.stepKey)
	});
}

const finishedMap = (progress: PlanProgressRow[]) =>
	new Map<string, Finished>(progress.map((p) => [p.stepKey, { status: p.status, on: p.on }]));

/**
 * The learner's plan for their active target, or null without one. Makes or re-makes the
 * stored plan when needed: none yet; the target, budget or levels changed; the learner asked;
 * or — on the first visit of a new day — they are ahead of or behind the plan.
 */
export async function loadPlan(
	db: Database,
	userId: string,
	now: Date,
	options: LoadOptions = {}
): Promise<PlanView | null> {
	const today = await learnerDay(db, userId, now);
	const gap = await activeTargetGap(db, userId, now);
	if (!gap) return null;
	const [settings, progress, workload, [stored]] = await Promise.all([
		getSettings(db, userId),
		getProgress(db, userId),
		reviewWorkload(db, userId, now),
		db.select().from(studyPlan).where(eq(studyPlan.userId, userId))
	]);
	const finished = finishedMap(progress);
	const hash = inputsHash(gap, settings, progress);

	let plan = stored?.plan;
	let adjustment = stored?.adjustment ?? null;
	let generatedOn = stored?.generatedOn ?? today;
	const drift = stored ? measureProgress(stored.plan, finished, today) : null;
	const reason: PlanAdjustment['kind'] | null = !stored
		? 'new'
		: stored.targetId !== gap.target.id || stored.inputsHash !== hash
			? 'changed'
			: options.replan
				? 'request'
				: stored.generatedOn < today && drift!.status !== 'on-track'
					? (drift!.status as 'ahead' | 'behind')
					: null;
	if (reason) {
		plan = makePlan(gap, settings, progress, workload, today);
		generatedOn = today;
		adjustment = {
			kind: reason,
			automatic: reason !== 'request',
			days: drift?.days ?? 0,
			minutes: drift?.minutes ?? 0,
			on: today
		};
		const row = {
			targetId: gap.target.id,
			inputsHash: hash,
			generatedOn,
			plan,
			adjustment,
			updatedAt: now
		};
		await db
			.insert(studyPlan)
			.values({ userId, ...row })
			.onConflictDoUpdate({ target: studyPlan.userId, set: row });
	}
	return buildView({
		gap,
		plan: plan!,
		progress,
		today,
		generatedOn,
		adjustment,
		settings,
		workload
	});
}

function buildView(args: {
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

export type MarkResult = { ok: true } | { ok: false; reason: 'not-found' | 'finished' };

/**
 * Marks one planned step done or skipped. Done also records the level the step reaches
 * as an assessment (source 'plan'), unless the learner already rated themselves higher.
 */
export async function markStep(
	db: Database,
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

/** The plan's cards for the review queue: see new-cards.ts in the reviews area. */
export async function currentPlanCards(
	db: Database,
	userId: string,
	now: Date
): Promise<{ cardIds: string[]; newPerDay: number } | null> {
	const view = await loadPlan(db, userId, now);
	if (!view) return null;
	// Cards of steps already done, then of the steps under way today, then the next one,
	// so the queue always has the plan's next cards at hand.
	const open = view.items.filter((i) => i.status === 'planned');
	const underway = open.filter((i) => i.start !== null && i.start <= view.today);
	const next = open.find((i) => !underway.includes(i));
	const ids = [
		...view.items.filter((i) => i.status === 'done'),
		...underway,
		...(next ? [next] : [])
	].flatMap((i) => i.cardIds);
	return { cardIds: [...new Set(ids)], newPerDay: view.pacing.newPerDay };
}
