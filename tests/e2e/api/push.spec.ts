// /api/push/*: the VAPID key, and subscriptions that only their learner can see or remove,
// with the endpoint checked before anything is stored.
import { createECDH, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { jsonRequest, registerLearner } from './http';

function subscription(endpoint: string) {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return {
		endpoint,
		expirationTime: null,
		keys: {
			p256dh: ecdh.getPublicKey().toString('base64url'),
			auth: randomBytes(16).toString('base64url')
		}
	};
}

const fcm = () => `https://fcm.googleapis.com/fcm/send/${randomBytes(12).toString('base64url')}`;

test('the VAPID public key: signed in only, one key for every learner', async ({ request }) => {
	expect((await jsonRequest(request, 'GET', '/api/push/key', undefined)).status()).toBe(401);
	const a = await registerLearner(request);
	const b = await registerLearner(request);
	const keyOf = async (token: string) => {
		const res = await jsonRequest(request, 'GET', '/api/push/key', token);
		expect(res.status()).toBe(200);
		return ((await res.json()) as { publicKey: string }).publicKey;
	};
	const key = await keyOf(a.token);
	// An uncompressed P-256 point, as PushManager.subscribe wants it.
	expect(Buffer.from(key, 'base64url')).toHaveLength(65);
	expect(Buffer.from(key, 'base64url')[0]).toBe(4);
	expect(await keyOf(b.token)).toBe(key);
});

test('a learner subscribes and unsubscribes; another learner cannot remove it', async ({
	request
}) => {
	const a = await registerLearner(request);
	const b = await registerLearner(request);
	const endpoint = fcm();
	const body = subscription(endpoint);

	const created = await jsonRequest(request, 'POST', '/api/push/subscriptions', a.token, body);
	expect(created.status()).toBe(201);
	expect(await created.json()).toEqual({ endpoint, expirationTime: null });
	// Again (the browser re-registers): still 201, still one subscription.
	expect(
		(await jsonRequest(request, 'POST', '/api/push/subscriptions', a.token, body)).status()
	).toBe(201);

	// B holds A's endpoint: it is not B's to remove.
	const stolen = await jsonRequest(request, 'DELETE', '/api/push/subscriptions', b.token, {
		endpoint
	});
	expect(stolen.status()).toBe(404);
	// A's is still there: A removes it once, then it is gone.
	const del = () =>
		jsonRequest(request, 'DELETE', '/api/push/subscriptions', a.token, { endpoint });
	expect((await del()).status()).toBe(204);
	expect((await del()).status()).toBe(404);

	expect(
		(await jsonRequest(request, 'POST', '/api/push/subscriptions', undefined, body)).status()
	).toBe(401);
});

test('bad subscriptions are refused with the reason, before anything is stored', async ({
	request
}) => {
	const a = await registerLearner(request);
	const post = (body: unknown) =>
		jsonRequest(request, 'POST', '/api/push/subscriptions', a.token, body);
	const refused: [unknown, string][] = [
		[subscription('http://fcm.googleapis.com/fcm/send/x'), 'https'],
		[subscription('https://evil.example.com/push'), 'not a known push service'],
		[subscription('https://127.0.0.1/x'), 'not an IP'],
		[subscription('https://10.0.0.8/x'), 'not an IP'],
		[subscription('https://169.254.169.254/latest/meta-data'), 'not an IP'],
		[subscription('https://[::1]/x'), 'not an IP'],
		[{ ...subscription(fcm()), keys: { p256dh: 'abc', auth: 'abc' } }, 'keys.p256dh'],
		[{ endpoint: fcm() }, 'keys'],
		['not an object', 'PushSubscription']
	];
	for (const [body, why] of refused) {
		const res = await post(body);
		expect(res.status(), JSON.stringify(body)).toBe(400);
		expect(((await res.json()) as { message: string }).message).toContain(why);
	}
	const plain = await jsonRequest(request, 'DELETE', '/api/push/subscriptions', a.token, {});
	expect(plain.status()).toBe(400);
});

test('the reminder settings: read, changed in part, refused whole, and only the learner’s own', async ({
	request
}) => {
	expect((await jsonRequest(request, 'GET', '/api/push/reminder', undefined)).status()).toBe(401);
	const a = await registerLearner(request);
	const b = await registerLearner(request);
	const read = async (token: string) =>
		(await (await jsonRequest(request, 'GET', '/api/push/reminder', token)).json()) as {
			time: string;
			days: number[];
		};
	const before = await read(a.token);
	expect(before.days).toEqual([1, 2, 3, 4, 5, 6, 7]);

	const put = (token: string, body: unknown) =>
		jsonRequest(request, 'PUT', '/api/push/reminder', token, body);
	const changed = await put(a.token, { days: [5, 1, 1] });
	expect(changed.status()).toBe(200);
	expect(await changed.json()).toEqual({ time: before.time, days: [1, 5] });

	const refused = await put(a.token, { time: '25:00', days: [1] });
	expect(refused.status()).toBe(400);
	expect(((await refused.json()) as { message: string }).message).toMatch(/time/i);
	expect((await put(a.token, { days: [] })).status()).toBe(400);
	// Nothing of a refused change was kept, and B's reminder is B's own.
	expect(await read(a.token)).toEqual({ time: before.time, days: [1, 5] });
	expect((await read(b.token)).days).toEqual([1, 2, 3, 4, 5, 6, 7]);
});
