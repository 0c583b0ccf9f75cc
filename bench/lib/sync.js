// Benchmark 1: POST /api/reviews at 1, 10 and 50 concurrent learners, next to the same
// database work done directly with @libsql/client.
import { randomUUID } from 'node:crypto';
import { closedLoop } from './load.js';
import { summary, round } from './stats.js';

const RUNS = 3;
const SECONDS = 4;

function reviewRequest(origin, learner, cardIds, n) {
	const body = JSON.stringify({
		reviews: [
			{
				id: randomUUID(),
				cardId: cardIds[n % cardIds.length],
				rating: 1 + (n % 4),
				reviewedAt: new Date().toISOString(),
				durationMs: 4000
			}
		]
	});
	return {
		path: '/api/reviews',
		method: 'POST',
		body,
		headers: {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(body),
			origin,
			cookie: `gapwise-session=${learner.token}`
		}
	};
}

export async function benchReviewSync({ origin, learners, cardIds }) {
	const levels = {};
	for (const concurrency of [1, 10, 50]) {
		const runs = [];
		const all = [];
		for (let run = 0; run < RUNS; run += 1) {
			// Each concurrent client is a different learner, as on real phones.
			const result = await closedLoop({
				origin,
				concurrency,
				seconds: SECONDS,
				makeRequest: (client, n) =>
					reviewRequest(origin, learners[(run * 50 + client) % learners.length], cardIds, n)
			});
			runs.push(result);
			all.push(...result.latencies);
		}
		const rps = runs.map((r) => r.rps).sort((a, b) => a - b);
		levels[concurrency] = {
			latencyMs: summary(all),
			throughputRps: {
				median: round(rps[Math.floor(rps.length / 2)], 1),
				runs: rps.map((x) => round(x, 1))
			},
			errors: runs.reduce((s, r) => s + r.errors + r.non2xx, 0)
		};
	}
	return levels;
}

/** The database work of one review, straight through @libsql/client: read state, log, upsert state. */
export async function benchDirectSync({ client, learners, cardIds }) {
	// The same in-process queueing the app applies to an embedded file (src/lib/server/db/serial.ts):
	// without it, concurrent write transactions deadlock in SQLite's busy handler.
	let tail = Promise.resolve();
	const one = (learner, n) => {
		const run = tail.then(() => oneUnqueued(learner, n));
		tail = run.catch(() => undefined);
		return run;
	};
	const oneUnqueued = async (learner, n) => {
		const cardId = cardIds[n % cardIds.length];
		const now = Date.now();
		const tx = await client.transaction('write');
		try {
			await tx.execute({ sql: 'select 1 from review_log where id = ?', args: [randomUUID()] });
			await tx.execute({
				sql: 'select * from card_state where user_id = ? and card_id = ?',
				args: [learner.id, cardId]
			});
			await tx.execute({
				sql: 'insert into review_log (id, user_id, card_id, rating, reviewed_at, duration_ms, received_at) values (?,?,?,?,?,?,?)',
				args: [randomUUID(), learner.id, cardId, 3, now, 4000, now]
			});
			await tx.execute({
				sql: `insert into card_state (user_id, card_id, skill_id, level, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)
				      values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
				      on conflict (user_id, card_id) do update set due = excluded.due, stability = excluded.stability, reps = card_state.reps + 1, last_review = excluded.last_review`,
				args: [
					learner.id,
					cardId,
					cardId.replace(/-\d+$/, ''),
					1,
					now + 86_400_000,
					3.1,
					5.3,
					0,
					1,
					0,
					1,
					0,
					2,
					now
				]
			});
			await tx.commit();
		} finally {
			tx.close();
		}
	};
	const levels = {};
	for (const concurrency of [1, 10, 50]) {
		const latencies = [];
		const end = performance.now() + SECONDS * 1000;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: concurrency }, async (_, c) => {
				let n = 0;
				while (performance.now() < end) {
					const t = performance.now();
					await one(learners[(c + 100) % learners.length], n++);
					latencies.push(performance.now() - t);
				}
			})
		);
		levels[concurrency] = {
			latencyMs: summary(latencies),
			throughputRps: round(latencies.length / ((performance.now() - started) / 1000), 1)
		};
	}
	return levels;
}
