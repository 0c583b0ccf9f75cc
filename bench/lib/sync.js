// Benchmark 1: POST /api/reviews at 1, 10 and 50 concurrent learners, next to the same
// database work done directly with @libsql/client.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sessionId } from './seed.js';
import { closedLoop } from './load.js';
import { summary, round } from './stats.js';

const RUNS = 3;
const DAY = 86_400_000;
const SECONDS = 4;
/**
 * Each learner reviews the same few cards again and again, so a card's log grows over the run
 * as a real learner's does (issue 16): a server that replays the log would slow down with it.
 */
export const CARDS_PER_LEARNER = 12;

function reviewRequest(origin, learner, cardIds, n) {
	const body = JSON.stringify({
		reviews: [
			{
				id: randomUUID(),
				cardId: cardIds[n % CARDS_PER_LEARNER],
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

/**
 * CPU time a process has used (user + system, ms), from /proc: on a shared host wall-clock
 * figures swing with the neighbours' load, the server's own CPU per request much less.
 */
function cpuMsOf(pid) {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
	} catch {
		return NaN;
	}
}

export async function benchReviewSync({ origin, learners, cardIds, serverPid }) {
	// Warm-up, not measured. The server renders the decks in the background after it starts;
	// a queue waits for that, so its CPU is not counted against the first level's reviews.
	const queue = await fetch(`${origin}/api/queue`, {
		headers: { cookie: `gapwise-session=${learners[0].token}` }
	});
	if (!queue.ok) throw new Error(`GET /api/queue answered ${queue.status}`);
	// Then the first requests compile the server's code (JIT).
	await closedLoop({
		origin,
		concurrency: 10,
		seconds: 2,
		makeRequest: (client, n) => reviewRequest(origin, learners[client], cardIds, n)
	});
	const levels = {};
	for (const concurrency of [1, 10, 50]) {
		const runs = [];
		const all = [];
		let cpuMs = 0;
		for (let run = 0; run < RUNS; run += 1) {
			const cpuBefore = cpuMsOf(serverPid);
			// Each concurrent client is a different learner, as on real phones.
			const result = await closedLoop({
				origin,
				concurrency,
				seconds: SECONDS,
				makeRequest: (client, n) =>
					reviewRequest(origin, learners[(run * 50 + client) % learners.length], cardIds, n)
			});
			cpuMs += cpuMsOf(serverPid) - cpuBefore;
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
			errors: runs.reduce((s, r) => s + r.errors + r.non2xx, 0),
			serverCpuMsPerRequest: round(cpuMs / Math.max(1, all.length), 3)
		};
	}
	return levels;
}

// The statements one POST /api/reviews runs for one new review, in order, as the app's compiled
// statements write them (src/lib/server/auth/session.ts, reviews/settings.ts, reviews/known.ts,
// reviews/append.ts, reviews/store.ts, reviews/reschedule.ts): an in-order review from the
// stored state, the log replayed only for a card's first logged review. Each review here has a
// transaction and a commit of its own (the app shares them: group commit). Only the app's own
// work is left out: HTTP, JSON, validation and the FSRS arithmetic.
const STATE_COLUMNS =
	'"user_id", "card_id", "skill_id", "level", "due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review", "suspended", "leech", "buried_until"';
const MEMORY_COLUMNS =
	'"due", "stability", "difficulty", "elapsed_days", "scheduled_days", "learning_steps", "reps", "lapses", "state", "last_review"';
const SQL = {
	session:
		'select "session"."id", "session"."user_id", "session"."expires_at", "session"."created_at", "user"."username", "user"."email", "user"."timezone" from "session" inner join "user" on "session"."user_id" = "user"."id" where "session"."id" = ?',
	settings:
		'select "user"."timezone", "user"."day_start_hour", "user"."desired_retention", "user"."maximum_interval", "user"."fsrs_params", "review_settings"."learning_steps", "review_settings"."relearning_steps", "review_settings"."new_cards_per_day", "plan_settings"."light_days" from "user" left join "review_settings" on "review_settings"."user_id" = "user"."id" left join "plan_settings" on "plan_settings"."user_id" = "user"."id" where "user"."id" = ?',
	known:
		'select "card_id", "rating", "reviewed_at", 0 from "review_log" where ("review_log"."user_id" = ? and "review_log"."id" = ?) union all select "review_id", 0, "undone_at", 1 from "review_undo" where ("review_undo"."user_id" = ? and "review_undo"."review_id" = ?)',
	tail: `select ${STATE_COLUMNS.split(', ')
		.map((c) => `"card_state".${c}`)
		.join(
			', '
		)}, "review_log"."id", "review_log"."reviewed_at", "review_log"."due_after" from "card_state" left join "review_log" on "review_log"."rowid" = (select "latest"."rowid" from "review_log" "latest" where "latest"."user_id" = "card_state"."user_id" and "latest"."card_id" = "card_state"."card_id" order by "latest"."reviewed_at" desc, "latest"."id" desc limit 1) where ("card_state"."user_id" = ? and "card_state"."card_id" = ?)`,
	log: 'select "id", "card_id", "rating", "reviewed_at", "due_after" from "review_log" where ("review_log"."user_id" = ? and "review_log"."card_id" = ?) order by "review_log"."reviewed_at" asc, "review_log"."id" asc',
	baseInsert: `insert into "card_base" ("user_id", "card_id", ${MEMORY_COLUMNS}, "captured_at") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing`,
	base: `select "user_id", "card_id", ${MEMORY_COLUMNS}, "captured_at" from "card_base" where ("card_base"."user_id" = ? and "card_base"."card_id" = ?)`,
	workload:
		'select "due" from "card_state" where ("card_state"."user_id" = ? and "card_state"."card_id" <> ? and "card_state"."suspended" = 0 and "card_state"."state" <> 0 and "card_state"."due" >= ? and "card_state"."due" < ?)',
	logInsert:
		'insert into "review_log" ("id", "user_id", "card_id", "rating", "reviewed_at", "duration_ms", "received_at", "state_before", "due_after") values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
	stateUpsert: `insert into "card_state" (${STATE_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("card_state"."user_id", "card_state"."card_id") do update set "due" = excluded."due", "stability" = excluded."stability", "difficulty" = excluded."difficulty", "elapsed_days" = excluded."elapsed_days", "scheduled_days" = excluded."scheduled_days", "learning_steps" = excluded."learning_steps", "reps" = excluded."reps", "lapses" = excluded."lapses", "state" = excluded."state", "last_review" = excluded."last_review", "suspended" = excluded."suspended", "leech" = excluded."leech", "skill_id" = excluded."skill_id", "level" = excluded."level"`
};

/** The database work of one review, straight through @libsql/client: the app's statements. */
export async function benchDirectSync({ client, learners, cardIds }) {
	// The same in-process queueing the app applies to an embedded file (src/lib/server/db/serial.ts):
	// without it, concurrent write transactions deadlock in SQLite's busy handler.
	let tail = Promise.resolve();
	const queued = (task) => {
		const run = tail.then(task);
		tail = run.catch(() => undefined);
		return run;
	};
	const one = async (learner, n) => {
		const cardId = cardIds[n % CARDS_PER_LEARNER];
		const now = Date.now();
		const id = randomUUID();
		await queued(() => client.execute({ sql: SQL.session, args: [sessionId(learner.token)] }));
		await queued(() => client.execute({ sql: SQL.settings, args: [learner.id] }));
		await queued(async () => {
			const tx = await client.transaction('write');
			try {
				await tx.execute({ sql: SQL.known, args: [learner.id, id, learner.id, id] });
				const tail = await tx.execute({ sql: SQL.tail, args: [learner.id, cardId] });
				const row = tail.rows[0];
				if (!row || row.id === null) {
					await tx.execute({ sql: SQL.log, args: [learner.id, cardId] });
					if (row && row.state !== 0) {
						await tx.execute({
							sql: SQL.baseInsert,
							args: [learner.id, cardId, ...memoryArgs(row), now]
						});
					}
					await tx.execute({ sql: SQL.base, args: [learner.id, cardId] });
				}
				await tx.execute({
					sql: SQL.workload,
					args: [learner.id, cardId, now + 2 * DAY, now + 6 * DAY]
				});
				await tx.execute({
					sql: SQL.logInsert,
					args: [id, learner.id, cardId, 3, now, 4000, now, 2, now + 4 * DAY]
				});
				await tx.execute({
					sql: SQL.stateUpsert,
					args: [
						learner.id,
						cardId,
						cardId.replace(/-\d+$/, ''),
						1,
						now + 4 * DAY,
						3.1,
						5.3
					].concat([0, 4, 0, 2, 0, 2, now, 0, 0, null])
				});
				await tx.commit();
			} finally {
				tx.close();
			}
		});
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

function memoryArgs(row) {
	return [
		row.due,
		row.stability,
		row.difficulty,
		row.elapsed_days,
		row.scheduled_days,
		row.learning_steps,
		row.reps,
		row.lapses,
		row.state,
		row.last_review
	];
}
