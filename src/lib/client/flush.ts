// Sends one user's outbox to the server. Shared by the pages and the service worker's
// `sync` event. The one rule that matters: an entry leaves the outbox only when a 2xx
// response names its id as applied or duplicate (or rejected, which is reported).
import { noteServerTime } from './clock';
import { acknowledge, countPending, pendingFor, remove } from './journal';
import type { JournalEntry, ReviewEntry } from './journal';
import type { ReviewResult } from './types';

export interface Rejection {
	cardId: string;
	kind: JournalEntry['kind'];
	reason: string;
}

export interface FlushOutcome {
	/** Entries still waiting after this flush. */
	pending: number;
	/** The session expired: entries stay queued until the learner signs in again. */
	authRequired: boolean;
	/** Network or server error: entries stay queued; try again later. */
	failed: boolean;
	rejected: Rejection[];
	/** Results for reviews the server acknowledged (new card state, leech flags). */
	results: ReviewResult[];
}

type Fetch = typeof fetch;
const BATCH = 100;
const TIMEOUT_MS = 20_000;
/**
 * Answers that refuse the content itself, so sending it again cannot help. Anything else
 * that is not 2xx (5xx, 429, a proxy's 403, a 405 during a deploy) keeps entries queued.
 */
const REFUSED = new Set([400, 404, 409, 413, 422]);

let local: Promise<unknown> = Promise.resolve();

/**
 * Serialises outbox work across tabs and the service worker (Web Locks), or at least within
 * this context where Web Locks are missing: an undo must never race a flush of its review.
 */
export function withOutboxLock<T>(work: () => Promise<T>): Promise<T> {
	if (typeof navigator !== 'undefined' && navigator.locks) {
		return navigator.locks.request('gapwise-outbox', work) as Promise<T>;
	}
	const run = local.then(work, work);
	local = run.catch(() => undefined);
	return run;
}

async function post(fetchFn: Fetch, user: string, url: string, body: unknown): Promise<Response> {
	const sentAt = Date.now();
	const response = await fetchFn(url, {
		method: 'POST',
		credentials: 'same-origin',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json',
			// Whose outbox this is: a server that checks it can refuse (401) a session of
			// another account instead of applying these reviews to it.
			'x-gapwise-user': user
		},
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(TIMEOUT_MS)
	});
	noteServerTime(response, sentAt);
	return response;
}

async function reasonOf(response: Response): Promise<string> {
	const body = (await response.json().catch(() => null)) as { message?: string } | null;
	return body?.message ?? `Refused by the server (${response.status}).`;
}

type Step = { stop: false } | { stop: true; auth: boolean };
const go: Step = { stop: false };
const halt = (auth = false): Step => ({ stop: true, auth });

async function sendReviews(fetchFn: Fetch, batch: ReviewEntry[], out: FlushOutcome): Promise<Step> {
	let response: Response;
	try {
		response = await post(fetchFn, batch[0]!.user, '/api/reviews', {
			reviews: batch.map(({ id, cardId, rating, reviewedAt, durationMs }) => ({
				id,
				cardId,
				rating,
				reviewedAt,
				durationMs
			}))
		});
	} catch {
		return halt();
	}
	if (response.status === 401) return halt(true);
	if (!response.ok && !REFUSED.has(response.status)) return halt();
	if (!response.ok) {
		// The whole batch was refused: send the reviews one by one so that one bad review
		// never holds the others hostage.
		if (batch.length > 1) {
			for (const review of batch) {
				const step = await sendReviews(fetchFn, [review], out);
				if (step.stop) return step;
			}
			return go;
		}
		const [only] = batch as [ReviewEntry];
		await remove([only.id]);
		out.rejected.push({ cardId: only.cardId, kind: 'review', reason: await reasonOf(response) });
		return go;
	}
	const body = (await response.json().catch(() => null)) as { results?: ReviewResult[] } | null;
	const sent = new Map(batch.map((review) => [review.id, review]));
	const answered = (body?.results ?? []).filter(
		(r): r is ReviewResult & { id: string } => r.id !== null && sent.has(r.id)
	);
	const acked = answered.filter((r) => r.status === 'applied' || r.status === 'duplicate');
	const refused = answered.filter((r) => r.status === 'rejected');
	await acknowledge(acked.map((r) => r.id));
	await remove(refused.map((r) => r.id));
	out.results.push(...acked);
	for (const r of refused) {
		out.rejected.push({
			cardId: sent.get(r.id)?.cardId ?? '',
			kind: 'review',
			reason: r.reason ?? 'Refused by the server.'
		});
	}
	return go;
}

function actionUrl(entry: JournalEntry): string {
	if (entry.kind === 'undo') return `/api/reviews/${encodeURIComponent(entry.reviewId)}/undo`;
	return `/api/cards/${encodeURIComponent(entry.cardId)}/${entry.kind}`;
}

/** Undo, bury and suspend: one request each, in the order they were made. */
async function sendAction(fetchFn: Fetch, entry: JournalEntry, out: FlushOutcome): Promise<Step> {
	let response: Response;
	try {
		response = await post(fetchFn, entry.user, actionUrl(entry), {});
	} catch {
		return halt();
	}
	if (response.status === 401) return halt(true);
	// An undo of a review the server never stored has nothing left to undo.
	if (response.ok || (entry.kind === 'undo' && response.status === 404)) {
		await acknowledge([entry.id]);
		return go;
	}
	if (!REFUSED.has(response.status)) return halt();
	await remove([entry.id]);
	out.rejected.push({ cardId: entry.cardId, kind: entry.kind, reason: await reasonOf(response) });
	return go;
}

export function flushOutbox(user: string, fetchFn: Fetch = fetch): Promise<FlushOutcome> {
	return withOutboxLock(async () => {
		const out: FlushOutcome = {
			pending: 0,
			authRequired: false,
			failed: false,
			rejected: [],
			results: []
		};
		const entries = await pendingFor(user);
		const reviews = entries.filter((e): e is ReviewEntry => e.kind === 'review');
		const actions = entries.filter((e) => e.kind !== 'review');
		let step: Step = go;
		for (let i = 0; i < reviews.length && !step.stop; i += BATCH) {
			step = await sendReviews(fetchFn, reviews.slice(i, i + BATCH), out);
		}
		for (const entry of actions) {
			if (step.stop) break;
			step = await sendAction(fetchFn, entry, out);
		}
		if (step.stop) {
			out.authRequired = step.auth;
			out.failed = !step.auth;
		}
		out.pending = await countPending(user);
		return out;
	});
}
