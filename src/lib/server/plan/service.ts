// The learner's plan: made from their active target's gap, stored, re-planned when its
// inputs change or the learner drifts from it, and merged with what they finished.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { planProgress, studyPlan } from '$lib/server/db/schema';
import { latestRatings, recordRatings, type Queryable } from '$lib/server/assessments/store';
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

export async function getProgress(db: Queryable, userId: string): Promise<PlanProgressRow[]> {
	return db.select().from(planProgress).where(eq(planProgress.userId, userId));
}

let contentFingerprint: string | undefined;

/** The parts of the content a plan depends on: hours, prerequisites and the deck's cards. */
function fingerprint(): string {
	contentFingerprint ??= createHash('sha256')
		.update(
			JSON.stringify([
				getGraph().skills.map((s) => [s.id, s.prerequisites, s.levels.map((l) => l.hours)]),
				getDeckSource().map((c) => [c.id, c.skillId, c.level, c.retired])
			])
		)
		.digest('hex');
	return contentFingerprint;
}

/**
 * What the plan is made from, hashed: the content version, the target, the budget, and each skill's target
 * level, weight and self-rated level. A level the plan itself raised (a step marked done)
 * does not count as a change — the plan already knows — so marking done does not re-plan
 * by itself; a new self-assessment does.
 */
export function inputsHash(gap: TargetGap, settings: PlanSettings, progress: PlanProgressRow[]) {
	const planned = new Map<string, number>();
	for (const p of progress) {
		if (p.status === 'done') planned.set(p.skillId, Math.max(planned.get(p.skillId) ?? 0, p.level));
	}
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
		.update(JSON.stringify({ content: fingerprint(), target: gap.target.id, entries, settings }))
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

interface EnsuredPlan {
	gap: TargetGap;
	plan: Plan;
	progress: PlanProgressRow[];
	today: string;
	generatedOn: string;
	adjustment: PlanAdjustment | null;
	settings: PlanSettings;
	/** Present when the plan was just made (it needed the workload). */
	workload?: ReviewWorkload;
}

/**
 * The stored plan for the active target, made or re-made when needed: none yet; the
 * target, budget or levels changed; the learner asked; or — on the first visit of a new
 * day — they are ahead of or behind the plan. Null without an active target.
 */
async function ensurePlan(
	db: Queryable,
	userId: string,
	now: Date,
	options: LoadOptions
): Promise<EnsuredPlan | null> {
	const today = await learnerDay(db, userId, now);
	const gap = await activeTargetGap(db, userId, now);
	if (!gap) return null;
	const [settings, progress, [stored]] = await Promise.all([
		getSettings(db, userId),
		getProgress(db, userId),
		db.select().from(studyPlan).where(eq(studyPlan.userId, userId))
	]);
	const hash = inputsHash(gap, settings, progress);
	const drift = stored ? measureProgress(stored.plan, finishedMap(progress), today) : null;
	const reason: PlanAdjustment['kind'] | null = !stored
		? 'new'
		: stored.targetId !== gap.target.id || stored.inputsHash !== hash
			? 'changed'
			: options.replan
				? 'request'
				: stored.generatedOn < today && drift!.status !== 'on-track'
					? (drift!.status as 'ahead' | 'behind')
					: null;
	if (!reason) {
		return {
			gap,
			plan: stored!.plan,
			progress,
			today,
			generatedOn: stored!.generatedOn,
			adjustment: stored!.adjustment,
			settings
		};
	}
	const workload = await reviewWorkload(db, userId, now);
	const plan = makePlan(gap, settings, progress, workload, today);
	const adjustment: PlanAdjustment = {
		kind: reason,
		automatic: reason !== 'request',
		days: drift?.days ?? 0,
		minutes: drift?.minutes ?? 0,
		on: today
	};
	const row = {
		targetId: gap.target.id,
		inputsHash: hash,
		generatedOn: today,
		plan,
		adjustment,
		updatedAt: now
	};
	await db
		.insert(studyPlan)
		.values({ userId, ...row })
		.onConflictDoUpdate({ target: studyPlan.userId, set: row });
	return { gap, plan, progress, today, generatedOn: today, adjustment, settings, workload };
}

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
 * The plan's cards for the review queue (src/lib/server/reviews/new-cards.ts): cards of
 * the steps already done, then of the steps under way today, then of the next step — so
 * the queue always has the plan's next cards at hand — and how many new cards a day the
 * budget sustains. The caller drops cards the learner has already seen. Null without a plan.
 */
export async function currentPlanCards(
	db: Queryable,
	userId: string,
	now: Date
): Promise<{ cardIds: string[]; newPerDay: number } | null> {
	const ensured = await ensurePlan(db, userId, now, {});
	if (!ensured) return null;
	const { plan, progress, today } = ensured;
	const finished = finishedMap(progress);
	const open = plan.items.filter((i) => !finished.has(i.key));
	const underway = open.filter((i) => i.start !== null && i.start <= today);
	const next = open.find((i) => !underway.includes(i));
	const done = progress
		.filter((p) => p.status === 'done')
		.sort((a, b) => a.on.localeCompare(b.on) || a.stepKey.localeCompare(b.stepKey))
		.map((p) => p.item);
	const ids = [...done, ...underway, ...(next ? [next] : [])].flatMap((i) => i.cardIds);
	return { cardIds: [...new Set(ids)], newPerDay: plan.pacing.newPerDay };
}
