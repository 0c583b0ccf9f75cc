// Measures, through the app's own code, what needs no HTTP: today's queue for one learner
// (the query and the whole service) and planning the largest role. Writes JSON to BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { openDatabase } from '$lib/server/db/client';
import { getQueue } from '$lib/server/reviews';
import { dueList, scheduleOf } from '$lib/server/reviews/queue-reads';
import { getReviewSettings } from '$lib/server/reviews/settings';
import { learnerDay } from '$lib/core/scheduling';
import { getDeckSource, getGraph } from '$lib/server/content';
import { benchPlan } from '$lib/core/plan/bench';

function summary(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
	const r = (x: number) => Math.round(x * 1000) / 1000;
	return { median: r(at(0.5)), p95: r(at(0.95)), n: sorted.length };
}

async function time(runs: number, fn: () => Promise<unknown>) {
	await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i += 1) {
		const t = performance.now();
		await fn();
		times.push(performance.now() - t);
	}
	return summary(times);
}

test('core benchmarks', async () => {
	const { BENCH_DB, BENCH_LEARNER, BENCH_OUT } = process.env;
	if (!BENCH_DB || !BENCH_LEARNER || !BENCH_OUT) throw new Error('run through npm run bench');
	const db = await openDatabase({ url: `file:${BENCH_DB}` });
	const now = new Date();

	// The statements getQueue issues for a learner's card states: today's due cards through the
	// (user_id, due) index (what ranks them), and the narrow due-date list behind the per-day load.
	const settings = await getReviewSettings(db, BENCH_LEARNER);
	const dayEnd = learnerDay(now, settings.timezone, settings.dayStartHour).end;
	const query = await time(300, () => dueList(db, BENCH_LEARNER, dayEnd));
	const load = await time(300, () => scheduleOf(db, BENCH_LEARNER));
	const rows = (await dueList(db, BENCH_LEARNER, dayEnd)).length;
	const scheduled = (await scheduleOf(db, BENCH_LEARNER)).length;
	// 200 calls: at 30, one slow stretch of the host moved the median by a millisecond.
	const service = await time(200, () => getQueue(db, BENCH_LEARNER, now));
	const plan = benchPlan({
		graph: getGraph(),
		deck: getDeckSource(),
		clock: () => performance.now(),
		runs: 100
	});
	db.$client.close();

	const result = {
		queue: { ...query, dueCards: rows, load: { ...load, scheduledCards: scheduled }, service },
		plan: {
			role: plan.roleId,
			items: plan.steps,
			median: plan.medianMs,
			p95: plan.p95Ms,
			n: plan.runs
		}
	};
	writeFileSync(BENCH_OUT, JSON.stringify(result));
	expect(rows).toBeGreaterThan(0);
});
