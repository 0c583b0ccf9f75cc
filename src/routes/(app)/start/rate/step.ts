// What one screen of /start/rate shows: the skill asked now, the progress, and every answer so
// far (the learner's own and the implied ones), each with a way to change it.
import type { RatingItem } from '$lib/core/assessment';
import { rubricOf, type RatingQueue } from '$lib/server/assessments';
import { getGraph } from '$lib/server/content';

/** Skills skipped in this sitting travel in the URL (`?skipped=a,b`); unknown ids are dropped. */
export function readSkipped(param: string | null, order: readonly RatingItem[]): Set<string> {
	const known = new Set(order.map((i) => i.id));
	return new Set((param ?? '').split(',').filter((id) => known.has(id)));
}

export function rateUrl(skipped: ReadonlySet<string>, after?: string) {
	const params = new URLSearchParams();
	if (skipped.size > 0) params.set('skipped', [...skipped].join(','));
	if (after) params.set('after', after);
	const query = params.toString();
	return `/start/rate${query ? `?${query}` : ''}`;
}

const nameOf = (id: string) => getGraph().skillById.get(id)?.name ?? id;

export function stepView(
	queue: RatingQueue,
	current: RatingItem | null,
	skipped: ReadonlySet<string>,
	after: string | null
) {
	const level = (id: string) => queue.rated.get(id) ?? queue.implied.get(id)?.level ?? null;
	const implied = queue.order
		.filter((i) => queue.implied.has(i.id))
		.map((i) => {
			const { level, by } = queue.implied.get(i.id)!;
			return { id: i.id, name: nameOf(i.id), level, by: by && nameOf(by) };
		});
	const rated = queue.order
		.filter((i) => queue.rated.has(i.id))
		.map((i) => ({ id: i.id, name: nameOf(i.id), level: queue.rated.get(i.id)! }));
	const saved =
		after && queue.rated.has(after)
			? {
					name: nameOf(after),
					level: queue.rated.get(after)!,
					implies: queue.order.filter((i) => queue.implied.get(i.id)?.by === after).length
				}
			: null;
	return {
		targetName: queue.target.name,
		progress: queue.progress,
		skipped: [...skipped].join(','),
		skippedCount: skipped.size,
		saved,
		current: current && {
			...rubricOf(current.id)!,
			group: current.group,
			target: current.target,
			unlocks: current.unlocks,
			level: level(current.id),
			implied: queue.implied.has(current.id),
			impliedBy: implied.find((i) => i.id === current.id)?.by ?? null
		},
		rated,
		implied
	};
}
