import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalEntry, ReviewEntry } from './journal';

// The journal in memory: these tests are about what the flush keeps and what it lets go.
const store = new Map<string, JournalEntry>();
vi.mock('./journal', () => ({
	pendingFor: async (user: string) =>
		[...store.values()]
			.filter((e) => e.user === user && e.state === 'pending')
			.sort((a, b) => a.createdAt - b.createdAt),
	countPending: async (user: string) =>
		[...store.values()].filter((e) => e.user === user && e.state === 'pending').length,
	acknowledge: async (ids: string[]) => {
		for (const id of ids) {
			const entry = store.get(id);
			if (entry?.kind === 'undo') store.delete(id);
			else if (entry) store.set(id, { ...entry, state: 'synced' });
		}
	},
	remove: async (ids: string[]) => ids.forEach((id) => store.delete(id))
}));

const { flushOutbox } = await import('./flush');

let n = 0;
function review(cardId: string, user = 'ada'): ReviewEntry {
	n += 1;
	const entry: ReviewEntry = {
		id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
		user,
		state: 'pending',
		kind: 'review',
		cardId,
		rating: 3,
		reviewedAt: '2025-03-10T08:00:00.000Z',
		durationMs: 1500,
		createdAt: n
	};
	store.set(entry.id, entry);
	return entry;
}

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

interface Sent {
	url: string;
	body: { reviews?: { id: string; cardId: string }[] };
}
function server(answer: (sent: Sent) => Response | Promise<Response>) {
	const calls: Sent[] = [];
	const fetchFn = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
		const sent = { url: String(url), body: JSON.parse(String(init?.body ?? '{}')) };
		calls.push(sent);
		return answer(sent);
	});
	return { calls, fetchFn: fetchFn as unknown as typeof fetch };
}

const applyAll = ({ body }: Sent) =>
	json(200, { results: body.reviews!.map(({ id }) => ({ id, status: 'applied' })) });
const pending = () => [...store.values()].filter((e) => e.state === 'pending').map((e) => e.id);

beforeEach(() => store.clear());

describe('flushOutbox', () => {
	it('sends the outbox as one batch and keeps acknowledged reviews only as history', async () => {
		const [a, b] = [review('c1'), review('c2')];
		const { calls, fetchFn } = server(applyAll);
		const outcome = await flushOutbox('ada', fetchFn);
		expect(calls).toHaveLength(1);
		expect(calls[0]!.url).toBe('/api/reviews');
		expect(calls[0]!.body.reviews!.map((r) => r.id)).toEqual([a.id, b.id]);
		expect(outcome).toMatchObject({ pending: 0, failed: false, authRequired: false });
		expect(store.get(a.id)?.state).toBe('synced');
	});

	it('names the outbox’s owner, so a server can refuse another account’s session', async () => {
		review('c1');
		const headers: Headers[] = [];
		const fetchFn = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
			headers.push(new Headers(init?.headers));
			return applyAll({ url: '', body: JSON.parse(String(init?.body)) });
		}) as unknown as typeof fetch;
		await flushOutbox('ada', fetchFn);
		expect(headers[0]!.get('x-gapwise-user')).toBe('ada');
	});

	it('never sends another account’s reviews', async () => {
		review('c1', 'grace');
		const mine = review('c2');
		const { calls, fetchFn } = server(applyAll);
		await flushOutbox('ada', fetchFn);
		expect(calls[0]!.body.reviews!.map((r) => r.id)).toEqual([mine.id]);
		expect(pending()).toHaveLength(1);
	});

	it('treats a duplicate as acknowledged and a rejection as gone and reported', async () => {
		const [a, b, c] = [review('c1'), review('c2'), review('c3')];
		const { fetchFn } = server(() =>
			json(200, {
				results: [
					{ id: a.id, status: 'duplicate' },
					{ id: b.id, status: 'rejected', reason: 'Card not found.' }
				]
			})
		);
		const outcome = await flushOutbox('ada', fetchFn);
		expect(store.get(a.id)?.state).toBe('synced');
		expect(store.has(b.id)).toBe(false);
		// Not named in the answer: not acknowledged, so it stays queued.
		expect(pending()).toEqual([c.id]);
		expect(outcome.rejected).toEqual([{ cardId: 'c2', kind: 'review', reason: 'Card not found.' }]);
	});

	it('keeps everything queued on 401 and asks for a sign-in', async () => {
		review('c1');
		const { fetchFn } = server(() => json(401, { message: 'Sign in to continue.' }));
		const outcome = await flushOutbox('ada', fetchFn);
		expect(outcome).toMatchObject({ pending: 1, authRequired: true, failed: false });
	});

	it.each([500, 502, 503, 429, 403])(
		'keeps everything queued on %i and reports a failure',
		async (status) => {
			review('c1');
			const { fetchFn } = server(() => json(status, {}));
			expect(await flushOutbox('ada', fetchFn)).toMatchObject({ pending: 1, failed: true });
		}
	);

	it('keeps everything queued when the network fails, even after the server committed', async () => {
		review('c1');
		const { fetchFn } = server(() => {
			throw new TypeError('Failed to fetch');
		});
		expect(await flushOutbox('ada', fetchFn)).toMatchObject({ pending: 1, failed: true });
	});

	it('isolates the review that makes a whole batch invalid', async () => {
		const [good, bad] = [review('c1'), review('c2')];
		const { calls, fetchFn } = server(({ body }) =>
			body.reviews!.some((r) => r.id === bad.id)
				? json(400, { message: 'Bad rating.' })
				: applyAll({ body } as Sent)
		);
		const outcome = await flushOutbox('ada', fetchFn);
		expect(calls).toHaveLength(3);
		expect(store.get(good.id)?.state).toBe('synced');
		expect(store.has(bad.id)).toBe(false);
		expect(outcome.rejected).toEqual([{ cardId: 'c2', kind: 'review', reason: 'Bad rating.' }]);
	});

	it('sends undo, bury and suspend after the reviews, and drops an undo the server cannot find', async () => {
		review('c1');
		store.set('u1', {
			id: 'u1',
			user: 'ada',
			state: 'pending',
			kind: 'undo',
			cardId: 'c0',
			reviewId: 'r0',
			createdAt: 0
		});
		store.set('b1', {
			id: 'b1',
			user: 'ada',
			state: 'pending',
			kind: 'bury',
			cardId: 'c9',
			createdAt: 99
		});
		const { calls, fetchFn } = server((sent) =>
			sent.url === '/api/reviews'
				? applyAll(sent)
				: sent.url.includes('undo')
					? json(404, {})
					: json(200, {})
		);
		const outcome = await flushOutbox('ada', fetchFn);
		expect(calls.map((c) => c.url)).toEqual([
			'/api/reviews',
			'/api/reviews/r0/undo',
			'/api/cards/c9/bury'
		]);
		expect(outcome.pending).toBe(0);
		expect(store.has('u1')).toBe(false);
	});

	it('stops at the first failure and keeps the rest for the next flush', async () => {
		review('c1');
		store.set('b1', {
			id: 'b1',
			user: 'ada',
			state: 'pending',
			kind: 'bury',
			cardId: 'c9',
			createdAt: 99
		});
		const { calls, fetchFn } = server(() => json(503, {}));
		const outcome = await flushOutbox('ada', fetchFn);
		expect(calls).toHaveLength(1);
		expect(outcome.pending).toBe(2);
	});
});
