// Issue 7's sync contract over HTTP, against the production build: POST /api/reviews exactly
// once (concurrent duplicates, retries), per-review rejection with 200, 400 only for a
// malformed body, undo, GET /api/queue's shape, export → import into a new account.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ORIGIN, jsonRequest, registerLearner } from './http';

interface Result {
	id: string | null;
	status: 'applied' | 'duplicate' | 'rejected';
	reason?: string;
	card?: { id: string; due: string | null; reps: number; previews: unknown[] };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const review = (cardId: string, rating: number, reviewedAt: string, id = crypto.randomUUID()) => ({
	id,
	cardId,
	rating,
	reviewedAt,
	durationMs: 2500
});

async function send(request: APIRequestContext, token: string, reviews: unknown[]) {
	const res = await jsonRequest(request, 'POST', '/api/reviews', token, { reviews });
	expect(res.status()).toBe(200);
	return ((await res.json()) as { results: Result[] }).results;
}

async function exported(request: APIRequestContext, token: string) {
	const res = await jsonRequest(request, 'GET', '/api/export', token);
	expect(res.status()).toBe(200);
	return (await res.json()) as { tables: Record<string, Record<string, unknown>[]> } & Record<
		string,
		unknown
	>;
}

test('the same review sent twice at once is stored once; a retry gets the stored result', async ({
	request
}) => {
	const { token } = await registerLearner(request);
	const r = review('docker-001', 3, minutesAgo(5));
	const [a, b] = await Promise.all([send(request, token, [r]), send(request, token, [r])]);
	expect([a[0]!.status, b[0]!.status].sort()).toEqual(['applied', 'duplicate']);
	const retry = await send(request, token, [r]);
	expect(retry[0]).toMatchObject({
		id: r.id,
		status: 'duplicate',
		card: { id: 'docker-001', reps: 1 }
	});
	const doc = await exported(request, token);
	expect(doc.tables.review_log!.map((row) => row.id)).toEqual([r.id]);
});

test('bad reviews are rejected one by one with 200; a malformed body is 400', async ({
	request,
	playwright
}) => {
	const { token } = await registerLearner(request);
	const good = review('docker-002', 4, minutesAgo(2));
	const results = await send(request, token, [
		review('docker-001', 3, new Date(Date.now() + 10 * 60_000).toISOString()),
		review('nope-001', 3, minutesAgo(1)),
		{ ...review('docker-001', 3, minutesAgo(1)), rating: 7 },
		good
	]);
	expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
	expect(results.every((r) => r.status === 'applied' || typeof r.reason === 'string')).toBe(true);

	for (const body of [{ reviews: 'x' }, [], { nothing: true }, 'text']) {
		const res = await jsonRequest(request, 'POST', '/api/reviews', token, body);
		expect(res.status(), JSON.stringify(body)).toBe(400);
		expect(typeof ((await res.json()) as { message: unknown }).message).toBe('string');
	}
	// A context of its own: the shared one keeps the cookie registration set.
	const stranger = await playwright.request.newContext({ baseURL: ORIGIN });
	const anonymous = await jsonRequest(stranger, 'POST', '/api/reviews', undefined, {
		reviews: [good]
	});
	expect(anonymous.status()).toBe(401);
	await stranger.dispose();
});

test('undo removes the review, is idempotent, and the queue gives a session to run offline', async ({
	request
}) => {
	const { token } = await registerLearner(request);
	const first = review('docker-001', 3, minutesAgo(30));
	const again = review('docker-001', 1, minutesAgo(20));
	await send(request, token, [first]);
	const before = (await exported(request, token)).tables.card_state;
	await send(request, token, [again]);

	const undo = () => jsonRequest(request, 'POST', `/api/reviews/${again.id}/undo`, token, {});
	const u1 = await undo();
	expect(u1.status()).toBe(200);
	expect(await u1.json()).toMatchObject({ status: 'undone', cardId: 'docker-001' });
	expect((await undo()).status()).toBe(200);
	expect((await exported(request, token)).tables.card_state).toEqual(before);
	const unknown = await jsonRequest(
		request,
		'POST',
		`/api/reviews/${crypto.randomUUID()}/undo`,
		token,
		{}
	);
	expect(unknown.status()).toBe(404);

	const res = await jsonRequest(request, 'GET', '/api/queue', token);
	expect(res.status()).toBe(200);
	expect(res.headers()['cache-control']).toContain('no-store');
	const queue = (await res.json()) as Record<string, unknown> & {
		cards: Record<string, unknown>[];
	};
	expect(queue).toMatchObject({
		timezone: 'UTC',
		scheduler: { enableFuzz: true, desiredRetention: 0.9 }
	});
	expect(typeof queue.dayEnd).toBe('string');
	// The learner's day starts at 04:00: run just after it, the review belongs to yesterday.
	const inToday = Date.parse(first.reviewedAt) >= Date.parse(String(queue.dayStart));
	expect(queue.doneToday).toBe(inToday ? 1 : 0);
	const card = queue.cards.find((c) => c.id === 'docker-001');
	expect(card).toMatchObject({ isNew: false, state: { reps: 1 } });
	expect(card?.previews).toHaveLength(4);
});

test('an export imports into a new account and reproduces it', async ({ playwright }) => {
	// Each learner in a context of their own, so no cookie from one reaches the other's requests.
	const request = await playwright.request.newContext({ baseURL: ORIGIN });
	const other = await playwright.request.newContext({ baseURL: ORIGIN });
	const a = await registerLearner(request);
	await send(request, a.token, [
		review('docker-001', 3, minutesAgo(60)),
		review('docker-001', 3, minutesAgo(45)),
		review('python-001', 2, minutesAgo(30))
	]);
	const settings = await jsonRequest(request, 'PUT', '/api/settings', a.token, {
		desiredRetention: 0.85,
		newCardsPerDay: 5
	});
	expect(settings.status()).toBe(200);
	const original = await exported(request, a.token);

	// Ids are unique per learner: A may still be here, and A's account is left as it was.
	const b = await registerLearner(other);
	const imported = await jsonRequest(other, 'POST', '/api/import', b.token, original);
	expect(imported.status(), await imported.text()).toBe(200);
	expect((await exported(request, a.token)).tables).toEqual(original.tables);
	const copy = await exported(other, b.token);
	expect(copy.tables).toEqual(original.tables);
	const again = await jsonRequest(other, 'POST', '/api/import', b.token, original);
	expect(again.status()).toBe(409);
	await Promise.all([request.dispose(), other.dispose()]);
});
