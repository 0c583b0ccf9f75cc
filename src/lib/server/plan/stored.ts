// The stored plan: made from the active target's gap, and re-made only when its inputs
// change, the learner asks, or — on a new day — they have drifted from it.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { planProgress, studyPlan } from '$lib/server/db/schema';
import type { Queryable } from '$lib/server/assessments/store';
import type { PlanAdjustment, PlanProgressRow } from '$lib/server/db/schema';
import { getDeckSource, getGraph } from '$lib/server/content';
import { planStudy } from '$lib/core/plan/planner';
import { measureProgress, type Finished } from '$lib/core/plan/progress';
import type { Plan, PlanInput } from '$lib/core/plan/types';
import { getSettings, type PlanSettings } from './settings';
import { reviewWorkload, type ReviewWorkload } from './workload';
import { activeTargetGap, type TargetGap } from './target-gap';
import { learnerDay } from './clock';
import { perLearner } from '$lib/server/db/learner-cache';
import { deepFreeze } from '$lib/core/freeze';

export interface LoadOptions {
	/** Re-plan now, as the learner asked. */
	replan?: boolean;
}

export async function getProgress(db: Queryable, userId: string): Promise<PlanProgressRow[]> {
	return db.select().from(planProgress).where(eq(planProgress.userId, userId));
}

/**
 * The stored plan row, parsed once per version of the learner's data: its JSON was a tenth of
 * a queue request for a learner with a long plan, and every page asks for it. Frozen: shared.
 */
function storedPlan(db: Queryable, userId: string) {
	return perLearner(db, userId, 'stored plan', async () =>
		deepFreeze(await db.select().from(studyPlan).where(eq(studyPlan.userId, userId)))
	);
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

/** What the plan is made from (the forecast re-plans from it to find what moves the date). */
export function planInputFor(
	gap: TargetGap,
	settings: PlanSettings,
	progress: PlanProgressRow[],
	workload: ReviewWorkload,
	today: string
) {
	return {
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
	} satisfies PlanInput;
}

function makePlan(...args: Parameters<typeof planInputFor>): Plan {
	return planStudy(planInputFor(...args));
}

export const finishedMap = (progress: PlanProgressRow[]) =>
	new Map<string, Finished>(progress.map((p) => [p.stepKey, { status: p.status, on: p.on }]));

export interface EnsuredPlan {
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
export async function ensurePlan(
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
		storedPlan(db, userId)
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
