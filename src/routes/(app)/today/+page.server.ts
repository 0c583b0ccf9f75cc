import { and, eq, inArray } from 'drizzle-orm';
import type { PageServerLoad } from './$types';
import { getDb, type Database } from '$lib/server/db';
import { cardState } from '$lib/server/db/schema';
import { requireUser } from '$lib/server/auth/guard';
import { getDeckCard } from '$lib/server/content';
import { formatDay } from '$lib/core/plan/dates';
import { loadPlan } from '$lib/server/plan/service';
import { getQueue, queueSummary } from '$lib/server/reviews';
import { learnerDay } from '$lib/server/plan/clock';
import { reviewWorkload } from '$lib/server/plan/workload';

/** New cards shown under the current step; the rest wait in the queue. */
const CARDS_SHOWN = 5;

async function introduced(db: Database, userId: string, ids: string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: cardState.cardId })
		.from(cardState)
		.where(and(eq(cardState.userId, userId), inArray(cardState.cardId, ids)));
	return new Set(rows.map((r) => r.id));
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const db = await getDb();
	const now = new Date();
	const view = await loadPlan(db, user.id, now);
	const workload = view?.workload ?? (await reviewWorkload(db, user.id, now));
	const today = view?.today ?? (await learnerDay(db, user.id, now));

	// The review session's queue, summed up: the page counts it with what waits on the device
	// exactly as Review does (see TodayReviews.svelte).
	const queue = await getQueue(db, user.id, now, { previews: false });
	const seen = await introduced(db, user.id, view?.current?.cardIds ?? []);

	const current = view?.current ?? null;
	const currentNew = current ? current.cardIds.filter((id) => !seen.has(id)) : [];
	const cards = (
		await Promise.all(currentNew.slice(0, CARDS_SHOWN).map((id) => getDeckCard(id)))
	).flatMap((c) => (c ? [{ id: c.id, frontHtml: c.frontHtml }] : []));

	const stepHref = current ? `/plan#step-${current.key.replace('@', '-')}` : '/plan';
	// The next action when no review waits (the page puts reviews first when some do).
	const next = !view
		? {
				label: 'Set up a target',
				href: '/start',
				detail: 'Choose a role or paste a job description to get a plan.'
			}
		: current
			? {
					label: `Start the step: ${current.skillName} ${current.fromLevel}→${current.toLevel}`,
					href: stepHref,
					detail: 'Reviews are done for now; the rest of today is for this step.'
				}
			: { label: 'Open your plan', href: '/plan', detail: 'Every step is done.' };

	return {
		dateLabel: formatDay(today),
		hasTarget: view !== null,
		targetName: view?.target.name ?? null,
		reviews: {
			summary: queueSummary(queue),
			secondsPerReview: workload.secondsPerReview,
			noNewCards: queue.noNewCards
		},
		next,
		current: current && {
			key: current.key,
			title: `${current.skillName} ${current.fromLevel}→${current.toLevel}`,
			reason: current.reason,
			end: current.end ? formatDay(current.end, false) : null,
			minutesToday: current.sessions
				.filter((s) => s.date === today)
				.reduce((m, s) => m + s.minutes, 0),
			href: stepHref,
			newCards: currentNew.length,
			totalCards: current.cardIds.length,
			cards
		},
		progress: view?.progress ?? null,
		adjustment: view?.adjustment ?? null,
		today,
		feasibility: view?.feasibility.message ?? null
	};
};
