// What waits for a learner now, counted exactly as the Today page and the review queue count
// it, so a reminder never promises cards that Review would not show.
import type { Database } from '$lib/server/db';
import type { WaitingWork } from '$lib/core/reminders';
import { getQueue } from '$lib/server/reviews';
import { loadPlan } from '$lib/server/plan/service';
import { reviewWorkload } from '$lib/server/plan/workload';

export async function waitingWork(db: Database, userId: string, now: Date): Promise<WaitingWork> {
	const { counts } = await getQueue(db, userId, now, { previews: false });
	const view = await loadPlan(db, userId, now);
	const workload = view?.workload ?? (await reviewWorkload(db, userId, now));
	const stepMinutes = (view?.current?.sessions ?? [])
		.filter((s) => s.date === view?.today)
		.reduce((sum, s) => sum + s.minutes, 0);
	return {
		due: counts.due,
		fresh: counts.new,
		secondsPerReview: workload.secondsPerReview,
		stepMinutes
	};
}
