// Seeds learners, sessions and card states straight into the database, fast.
import { createHash, randomUUID } from 'node:crypto';

// A syntactically valid argon2id hash; bench learners sign in through seeded sessions, never passwords.
const HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZmFrZWhhc2hmYWtlaGFzaGZha2VoYXNoZmFrZWhhc2g';
const DAY = 86_400_000;

export function sessionId(token) {
	return createHash('sha256').update(token).digest('hex');
}

/** Creates `count` learners, each with a session token; returns [{ id, username, token }]. */
export async function seedLearners(client, count, prefix = 'bench') {
	const now = Date.now();
	const learners = [];
	for (let start = 0; start < count; start += 200) {
		const batch = [];
		for (let i = start; i < Math.min(count, start + 200); i += 1) {
			const learner = {
				id: randomUUID(),
				username: `${prefix}${i}`,
				token: `benchtoken${prefix}${i}`.padEnd(32, 'x')
			};
			learners.push(learner);
			batch.push(learner);
		}
		await client.batch(
			[
				{
					sql: `insert into user (id, username, password_hash, created_at) values ${batch.map(() => '(?, ?, ?, ?)').join(',')}`,
					args: batch.flatMap((l) => [l.id, l.username, HASH, now])
				},
				{
					sql: `insert into session (id, user_id, expires_at, created_at) values ${batch.map(() => '(?, ?, ?, ?)').join(',')}`,
					args: batch.flatMap((l) => [sessionId(l.token), l.id, now + 13 * DAY, now])
				}
			],
			'write'
		);
	}
	return learners;
}

/** The i-th card id of a learner: deck ids first, then synthetic ones for scale beyond the deck. */
export function cardIdAt(cardIds, i) {
	const base = cardIds[i % cardIds.length];
	return i < cardIds.length ? base : `${base}-x${Math.floor(i / cardIds.length)}`;
}

/** Gives every learner review-state cards number `from` to `to` − 1, due spread over ±30 days. */
export async function seedCardStates(client, learners, cardIds, from, to, seed = 1) {
	let x = seed;
	const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const now = Date.now();
	const cols =
		'(user_id, card_id, skill_id, level, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state, last_review)';
	const ROWS = 400;
	let rows = [];
	const flush = async () => {
		if (rows.length === 0) return;
		await client.execute({
			sql: `insert into card_state ${cols} values ${rows.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
			args: rows.flat()
		});
		rows = [];
	};
	for (const learner of learners) {
		for (let i = from; i < to; i += 1) {
			const cardId = cardIdAt(cardIds, i);
			const skillId = cardIds[i % cardIds.length].replace(/-\d+$/, '');
			const due = now + Math.round((rand() * 60 - 30) * DAY);
			const stability = 1 + rand() * 60;
			rows.push([
				learner.id,
				cardId,
				skillId,
				1 + (i % 4),
				due,
				stability,
				1 + rand() * 9,
				3,
				Math.round(stability),
				0,
				3,
				0,
				2,
				// Last reviewed one interval before it is due, and never in the future.
				Math.min(due - Math.round(stability * DAY), now - DAY)
			]);
			if (rows.length === ROWS) await flush();
		}
	}
	await flush();
}
