// The push endpoint is a URL the browser (or an attacker) supplies: the server must only
// ever post to known push services on public addresses, quickly, and never be redirected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_PUSH_HOSTS,
	pushConfigFrom,
	saveSubscription,
	type PushConfig
} from '$lib/server/push';
import { checkEndpoint, type Resolver } from '$lib/server/push/endpoint';
import { deliver } from '$lib/server/push/transport';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { browserKeys, startReceiver, type Receiver } from '../fixtures/push';

let t: TestDatabase;
let receiver: Receiver;
let config: PushConfig;

beforeAll(async () => {
	t = await createTestDatabase();
	receiver = await startReceiver();
	config = { hosts: DEFAULT_PUSH_HOSTS, testOrigin: receiver.origin, timeoutMs: 500 };
});
afterAll(async () => {
	await receiver.close();
	t.close();
});

const push = (endpoint: string) => ({
	endpoint,
	headers: { TTL: 60 },
	body: Buffer.from('x')
});
const resolvesTo =
	(address: string): Resolver =>
	async () => [{ address, family: address.includes(':') ? 6 : 4 }];

describe('push endpoints', () => {
	it.each([
		['http://fcm.googleapis.com/fcm/send/x', 'https'],
		['https://evil.example.com/push', 'not a known push service'],
		['https://fcm.googleapis.com.evil.example/x', 'not a known push service'],
		['https://push.apple.com/x', 'not a known push service'],
		['https://127.0.0.1/x', 'not an IP'],
		['https://10.0.0.8/x', 'not an IP'],
		['https://169.254.169.254/latest/meta-data', 'not an IP'],
		['https://[::1]/x', 'not an IP'],
		['https://fcm.googleapis.com:8443/x', 'port'],
		['https://user:pw@fcm.googleapis.com/x', 'credentials'],
		['not a url', 'not a URL']
	])('refuses %s', (endpoint, why) => {
		const checked = checkEndpoint(endpoint, pushConfigFrom({}));
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.reason).toContain(why);
	});

	it('accepts the known push services', () => {
		for (const endpoint of [
			'https://fcm.googleapis.com/fcm/send/abc',
			'https://updates.push.services.mozilla.com/wpush/v2/abc',
			'https://web.push.apple.com/QGx',
			'https://api.push.apple.com/x',
			'https://db5p.notify.windows.com/w/?token=x'
		])
			expect(checkEndpoint(endpoint, pushConfigFrom({})).ok, endpoint).toBe(true);
	});

	it('takes the list from PUSH_SERVICE_HOSTS; the test receiver only from PUSH_TEST_ORIGIN', () => {
		const listed = pushConfigFrom({ PUSH_SERVICE_HOSTS: 'push.example.org, *.example.net' });
		expect(checkEndpoint('https://push.example.org/x', listed).ok).toBe(true);
		expect(checkEndpoint('https://a.example.net/x', listed).ok).toBe(true);
		expect(checkEndpoint('https://fcm.googleapis.com/x', listed).ok).toBe(false);
		expect(pushConfigFrom({}).testOrigin).toBeNull();
		expect(checkEndpoint(`${receiver.origin}/x`, pushConfigFrom({})).ok).toBe(false);
		expect(() => pushConfigFrom({ PUSH_TEST_ORIGIN: 'http://10.0.0.1:80' })).toThrow();
		expect(() => pushConfigFrom({ PUSH_TEST_ORIGIN: 'https://127.0.0.1:80' })).toThrow();
	});

	it('refuses at subscription time a push host that resolves to a private address', async () => {
		const user = await makeUser(t.db);
		const input = browserKeys().subscription('https://fcm.googleapis.com/fcm/send/abc');
		for (const address of ['10.1.2.3', '127.0.0.1', '169.254.169.254', '::1', 'fd00::1']) {
			const saved = await saveSubscription(
				t.db,
				user.id,
				input,
				pushConfigFrom({}),
				new Date(),
				resolvesTo(address)
			);
			expect(saved, address).toEqual({
				ok: false,
				reason: 'fcm.googleapis.com resolves to a private address.'
			});
		}
		const saved = await saveSubscription(
			t.db,
			user.id,
			input,
			pushConfigFrom({}),
			new Date(),
			resolvesTo('142.250.185.74')
		);
		expect(saved).toEqual({ ok: true });
	});
});

describe('delivery', () => {
	it('checks the addresses again at send time (DNS rebinding) and never connects', async () => {
		// The real resolver: localhost is 127.0.0.1 in /etc/hosts, no DNS needed.
		const local = { ...config, hosts: [...config.hosts, 'localhost'] };
		const viaHosts = await deliver(push('https://localhost/x'), local);
		expect(viaHosts).toMatchObject({ ok: false, status: null });
		expect(!viaHosts.ok && viaHosts.reason).toContain('private address');

		const rebound = await deliver(
			push('https://fcm.googleapis.com/fcm/send/x'),
			config,
			resolvesTo('169.254.169.254')
		);
		expect(!rebound.ok && rebound.reason).toContain('169.254.169.254, a private address');
		expect(receiver.received).toHaveLength(0);
	});

	it('refuses what the endpoint check refuses, without a request', async () => {
		for (const endpoint of ['http://fcm.googleapis.com/x', 'https://10.0.0.8/x', 'https://[::1]/x'])
			expect(await deliver(push(endpoint), config)).toMatchObject({ ok: false, status: null });
	});

	it('does not follow a redirect', async () => {
		receiver.answer = (path) =>
			path === '/moved'
				? { status: 307, headers: { location: `${receiver.origin}/followed` } }
				: { status: 201 };
		const result = await deliver(push(`${receiver.origin}/moved`), config);
		expect(result).toMatchObject({ ok: false, status: 307, gone: false });
		expect(receiver.received.map((r) => r.path)).toEqual(['/moved']);
	});

	it('gives up on a push service that does not answer in time', async () => {
		receiver.answer = () => 'hang';
		const started = Date.now();
		const result = await deliver(push(`${receiver.origin}/slow`), config);
		expect(result).toMatchObject({ ok: false, status: null });
		expect(Date.now() - started).toBeLessThan(2_000);
	});
});
