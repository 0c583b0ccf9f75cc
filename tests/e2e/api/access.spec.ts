// Learner B, holding learner A's ids, must get 404 (or only B's own, empty data) from every
// user-scoped page, form action and endpoint — and A's data must not change. The table is
// keyed by route: a new route without a case fails the first test.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createECDH } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD } from '../helpers';
import { jsonRequest, postForm, registerLearner, COOKIE } from './http';

interface Owned {
	marker: string;
	cardId: string;
	targetId: string;
	reviewId: string;
	pushEndpoint: string;
}
type Probe = (ctx: { request: APIRequestContext; b: string; a: Owned }) => Promise<void>;
type Case = { kind: 'public' } | { kind: 'scoped'; probe: Probe };

function routeIds(dir = 'src/routes', base = ''): string[] {
	const ids: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) {
			const segment = /^\(.*\)$/.test(name) ? '' : `/${name}`;
			ids.push(...routeIds(full, base + segment));
		} else if (/^\+(?:page|server)(?:\.server)?\.ts$/.test(name) || name === '+page.svelte') {
			ids.push(base || '/');
		}
	}
	return [...new Set(ids)];
}

const get = (path: string) =>
	(async ({ request, b, a }) => {
		const res = await request.get(path, { maxRedirects: 0, headers: { cookie: `${COOKIE}=${b}` } });
		expect(res.status(), path).toBeLessThan(500);
		expect(await res.text(), `${path} leaks A's data`).not.toContain(a.marker);
	}) satisfies Probe;

const notFound = (
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
	url: (a: Owned) => string,
	body?: unknown
) =>
	(async ({ request, b, a }) => {
		const res = await jsonRequest(request, method, url(a), b, body);
		expect(res.status(), `${method} ${url(a)}`).toBe(404);
	}) satisfies Probe;

const actionNotFound = (url: (a: Owned) => string, form: (a: Owned) => Record<string, string>) =>
	(async ({ request, b, a }) => {
		const res = await postForm(request, url(a), form(a), b);
		expect([404, 400], `POST ${url(a)}`).toContain(res.status());
		expect(await res.text()).not.toContain(a.marker);
	}) satisfies Probe;

const all =
	(...probes: Probe[]): Probe =>
	async (ctx) => {
		for (const p of probes) await p(ctx);
	};

const CASES: Record<string, Case> = {
	'/': { kind: 'public' },
	'/login': { kind: 'public' },
	'/register': { kind: 'public' },
	'/logout': { kind: 'public' },
	'/analyze': { kind: 'public' },
	'/skills': { kind: 'public' },
	'/skills/[id]': { kind: 'public' },
	'/api/graph': { kind: 'public' },
	'/api/jd/analyze': { kind: 'public' },
	'/today': { kind: 'scoped', probe: get('/today') },
	'/review': { kind: 'scoped', probe: get('/review') },
	'/plan': { kind: 'scoped', probe: get('/plan') },
	'/profile': { kind: 'scoped', probe: get('/profile') },
	'/settings': {
		kind: 'scoped',
		probe: all(
			get('/settings'),
			actionNotFound(
				() => '/settings?/unsuspend',
				(a) => ({ cardId: a.cardId })
			)
		)
	},
	'/stats': { kind: 'scoped', probe: get('/stats') },
	// Takes no id: it can only set the caller's own zone; a bad zone is refused without a leak.
	'/settings/time-zone': {
		kind: 'scoped',
		probe: actionNotFound(
			() => '/settings/time-zone',
			() => ({ timezone: 'Not/AZone' })
		)
	},
	'/gap': { kind: 'scoped', probe: get('/gap') },
	'/start': { kind: 'scoped', probe: get('/start') },
	'/start/rate': { kind: 'scoped', probe: get('/start/rate') },
	'/start/cv': { kind: 'scoped', probe: get('/start/cv') },
	'/assess/[skillId]': { kind: 'scoped', probe: get('/assess/docker') },
	'/assess/placement': { kind: 'scoped', probe: get('/assess/placement') },
	'/cards': { kind: 'scoped', probe: get('/cards') },
	'/cards/new': { kind: 'scoped', probe: get('/cards/new') },
	'/cards/import': { kind: 'scoped', probe: get('/cards/import') },
	'/cards/export': {
		kind: 'scoped',
		probe: all(get('/cards/export?format=json'), get('/cards/export?format=tsv'))
	},
	'/cards/[id]': {
		kind: 'scoped',
		probe: all(
			notFound('GET', (a) => `/cards/${a.cardId}`),
			actionNotFound(
				(a) => `/cards/${a.cardId}?/save`,
				() => ({ skillId: 'docker', level: '1', front: 'hijacked', back: 'hijacked' })
			),
			actionNotFound(
				(a) => `/cards/${a.cardId}?/delete`,
				() => ({})
			)
		)
	},
	'/targets': {
		kind: 'scoped',
		probe: all(
			get('/targets'),
			actionNotFound(
				() => '/targets?/activate',
				(a) => ({ id: a.targetId })
			),
			actionNotFound(
				() => '/targets?/rename',
				(a) => ({ id: a.targetId, name: 'hijacked' })
			),
			actionNotFound(
				() => '/targets?/delete',
				(a) => ({ id: a.targetId })
			)
		)
	},
	'/targets/[id]': { kind: 'scoped', probe: notFound('GET', (a) => `/targets/${a.targetId}`) },
	'/plan.ics': { kind: 'scoped', probe: get('/plan.ics') },
	'/api/cards': { kind: 'scoped', probe: get('/api/cards') },
	'/api/cards/[id]': {
		kind: 'scoped',
		probe: all(
			notFound('GET', (a) => `/api/cards/${a.cardId}`),
			notFound('PATCH', (a) => `/api/cards/${a.cardId}`, { front: 'hijacked' }),
			notFound('DELETE', (a) => `/api/cards/${a.cardId}`)
		)
	},
	'/api/cards/[id]/bury': {
		kind: 'scoped',
		probe: notFound('POST', (a) => `/api/cards/${a.cardId}/bury`, {})
	},
	'/api/cards/[id]/suspend': {
		kind: 'scoped',
		probe: notFound('POST', (a) => `/api/cards/${a.cardId}/suspend`, {})
	},
	'/api/cards/[id]/unsuspend': {
		kind: 'scoped',
		probe: notFound('POST', (a) => `/api/cards/${a.cardId}/unsuspend`, {})
	},
	'/api/reviews': {
		kind: 'scoped',
		probe: async ({ request, b, a }) => {
			const res = await jsonRequest(request, 'POST', '/api/reviews', b, {
				reviews: [
					{
						id: crypto.randomUUID(),
						cardId: a.cardId,
						rating: 3,
						reviewedAt: new Date().toISOString(),
						durationMs: 1000
					}
				]
			});
			expect(res.status()).toBe(200);
			const body = (await res.json()) as { results: { status: string }[] };
			expect(body.results[0]!.status).toBe('rejected');
		}
	},
	'/api/reviews/[id]/undo': {
		kind: 'scoped',
		probe: notFound('POST', (a) => `/api/reviews/${a.reviewId}/undo`, {})
	},
	'/api/queue': { kind: 'scoped', probe: get('/api/queue') },
	'/api/export': { kind: 'scoped', probe: get('/api/export') },
	'/api/import': {
		kind: 'scoped',
		// Importing a document that claims A's card id must not touch A's card.
		probe: async ({ request, b, a }) => {
			const res = await jsonRequest(request, 'POST', '/api/import', b, {
				format: 'gapwise-export',
				version: 1,
				exportedAt: new Date().toISOString(),
				profile: { username: 'b', createdAt: new Date().toISOString() },
				tables: {
					personal_card: [
						{ id: a.cardId, skill_id: 'docker', level: 1, front: 'hijacked', back: 'x' }
					]
				}
			});
			expect(res.status()).toBeGreaterThanOrEqual(400);
			expect(res.status()).toBeLessThan(500);
		}
	},
	'/api/gap': { kind: 'scoped', probe: get('/api/gap') },
	// Compares with the caller's own active target only: A's posting never shows.
	'/api/resume/analyze': {
		kind: 'scoped',
		probe: async ({ request, b, a }) => {
			const res = await jsonRequest(request, 'POST', '/api/resume/analyze', b, {
				text: 'Built Docker images.'
			});
			expect(res.status()).toBe(200);
			expect(await res.text()).not.toContain(a.marker);
		}
	},
	'/api/plan': { kind: 'scoped', probe: get('/api/plan') },
	'/api/plan/settings': { kind: 'scoped', probe: get('/api/plan/settings') },
	'/api/settings': { kind: 'scoped', probe: get('/api/settings') },
	'/api/push/key': { kind: 'scoped', probe: get('/api/push/key') },
	// B's reminder is B's own (push.spec.ts changes A's and reads B's default back).
	'/api/push/reminder': { kind: 'scoped', probe: get('/api/push/reminder') },
	'/api/forecast': { kind: 'scoped', probe: get('/api/forecast') },
	'/api/push/subscriptions': {
		kind: 'scoped',
		probe: async ({ request, b, a }) => {
			const res = await jsonRequest(request, 'DELETE', '/api/push/subscriptions', b, {
				endpoint: a.pushEndpoint
			});
			expect(res.status()).toBe(404);
		}
	},
	'/api/assessments': { kind: 'scoped', probe: get('/api/assessments') },
	'/api/targets': { kind: 'scoped', probe: get('/api/targets') },
	'/api/targets/[id]': {
		kind: 'scoped',
		probe: all(
			notFound('GET', (a) => `/api/targets/${a.targetId}`),
			notFound('PATCH', (a) => `/api/targets/${a.targetId}`, { name: 'hijacked' }),
			notFound('DELETE', (a) => `/api/targets/${a.targetId}`)
		)
	}
};

test('every route has an access-control case', () => {
	expect(routeIds().sort()).toEqual(Object.keys(CASES).sort());
});

test("learner B cannot read or change learner A's data through any route", async ({ request }) => {
	test.setTimeout(120_000);
	const a = await registerLearner(request);
	const b = await registerLearner(request);
	const marker = `ZEBRA${Date.now()}`;
	const card = await jsonRequest(request, 'POST', '/api/cards', a.token, {
		skillId: 'docker',
		level: 1,
		front: `${marker} front`,
		back: `${marker} back`
	});
	expect(card.status()).toBe(201);
	const target = await jsonRequest(request, 'POST', '/api/targets', a.token, {
		name: `${marker} target`,
		roleId: 'mlops-engineer',
		active: true
	});
	expect(target.status()).toBe(201);
	const cardId = ((await card.json()) as { id: string }).id;
	const targetId = ((await target.json()) as { id: string }).id;
	const reviewId = crypto.randomUUID();
	const reviewed = await jsonRequest(request, 'POST', '/api/reviews', a.token, {
		reviews: [
			{
				id: reviewId,
				cardId,
				rating: 3,
				reviewedAt: new Date().toISOString(),
				durationMs: 900
			}
		]
	});
	expect(reviewed.status()).toBe(200);
	const pushEndpoint = `https://fcm.googleapis.com/fcm/send/${marker}`;
	const subscribed = await jsonRequest(request, 'POST', '/api/push/subscriptions', a.token, {
		endpoint: pushEndpoint,
		keys: {
			p256dh: createECDH('prime256v1').generateKeys('base64url'),
			auth: 'AAAAAAAAAAAAAAAAAAAAAA'
		}
	});
	expect(subscribed.status()).toBe(201);
	const owned: Owned = {
		marker,
		cardId,
		targetId,
		reviewId,
		pushEndpoint
	};

	const snapshot = async () => {
		const res = await jsonRequest(request, 'GET', '/api/export', a.token);
		const doc = (await res.json()) as { tables: unknown };
		return JSON.stringify(doc.tables);
	};
	const before = await snapshot();
	for (const [route, c] of Object.entries(CASES)) {
		if (c.kind === 'scoped')
			await test.step(route, () => c.probe({ request, b: b.token, a: owned }));
	}
	expect(await snapshot()).toBe(before);
	// Subscriptions are not exported: A removing theirs shows B's attempt left it in place.
	const unsubscribed = await jsonRequest(request, 'DELETE', '/api/push/subscriptions', a.token, {
		endpoint: pushEndpoint
	});
	expect(unsubscribed.status()).toBe(204);
	expect(PASSWORD).toBeTruthy();
});
