// Onboarding's rating queue over the active target: which skill to ask next, what the learner's
// ratings imply, and how far they are (rules in $lib/core/assessment/{rating-queue,implied}).
import {
	explicitLevels,
	impliedLevels,
	impliedToStore,
	nextToRate,
	ratingOrder,
	ratingProgress,
	type RatingItem
} from '$lib/core/assessment';
import { getGraph } from '$lib/server/content';
import type { Database } from '$lib/server/db';
import { getActiveTarget } from '$lib/server/targets/store';
import { latestRatings, recordRatings } from './store';

// The order depends only on the target's skills and the (fixed) graph, and walks the graph's
// closures: worked out once per target rather than on every page that shows rating progress.
const MAX_ORDERS = 200;
const orders = new Map<string, readonly RatingItem[]>();

function orderFor(skills: Parameters<typeof ratingOrder>[1]): readonly RatingItem[] {
	const key = JSON.stringify(skills);
	let order = orders.get(key);
	if (!order) {
		order = ratingOrder(getGraph(), skills);
		if (orders.size >= MAX_ORDERS) orders.delete(orders.keys().next().value!);
		orders.set(key, order);
	}
	return order;
}

export interface ImpliedRating {
	level: number;
	/** The rated skill that implies it; null when no current rating does any more. */
	by: string | null;
}

/** The active target's skills in asking order with the learner's ratings; null without a target. */
export async function ratingQueue(db: Database, userId: string) {
	const target = await getActiveTarget(db, userId);
	if (!target) return null;
	const graph = getGraph();
	const order = orderFor(target.skills);
	const latest = await latestRatings(db, userId);
	const implication = impliedLevels(graph, explicitLevels(latest));
	const rated = new Map<string, number>();
	const implied = new Map<string, ImpliedRating>();
	for (const { id } of order) {
		const rating = latest.get(id);
		if (!rating) continue;
		if (rating.source === 'implied')
			implied.set(id, { level: rating.level, by: implication.get(id)?.by ?? null });
		else rated.set(id, rating.level);
	}
	const progress = ratingProgress(order, new Set(rated.keys()), new Set(implied.keys()));
	return { target, order, rated, implied, progress };
}

export type RatingQueue = NonNullable<Awaited<ReturnType<typeof ratingQueue>>>;

/** The skill to ask about now, `skipped` ones left for later. */
export function nextInQueue(queue: RatingQueue, skipped: ReadonlySet<string>): RatingItem | null {
	return nextToRate(
		queue.order,
		new Set(queue.rated.keys()),
		new Set(queue.implied.keys()),
		skipped
	);
}

/**
 * Saves the learner's own rating of one skill and, in the same transaction, what their ratings
 * now imply for skills they have not rated themselves (source 'implied').
 */
export async function rateAndImply(
	db: Database,
	userId: string,
	rating: { skillId: string; level: number },
	now: Date
) {
	return db.transaction(async (tx) => {
		await recordRatings(tx, userId, [rating], 'self', now);
		const latest = await latestRatings(tx, userId);
		const rows = impliedToStore(impliedLevels(getGraph(), explicitLevels(latest)), latest);
		await recordRatings(tx, userId, rows, 'implied', now);
		return rows;
	});
}
