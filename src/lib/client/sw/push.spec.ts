import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropDeviceSubscription, listenForPush, targetOf, type PushScope } from './push';

const ORIGIN = 'https://gapwise.example';

function fakeSubscription(endpoint: string, log: string[]) {
	return {
		endpoint,
		options: { applicationServerKey: new Uint8Array([4, 1, 2]).buffer },
		toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }),
		unsubscribe: async () => {
			log.push(`unsubscribe ${endpoint}`);
			return true;
		}
	};
}

/** Records the worker's requests to the server, answering each with `status`. */
function fakeServer(log: string[], status = 201) {
	vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
		log.push(`${init.method ?? 'GET'} ${url} ${typeof init.body === 'string' ? init.body : ''}`);
		if (url === '/api/push/key') return Response.json({ publicKey: 'BKEY' });
		return new Response(null, { status });
	});
}

afterEach(() => vi.unstubAllGlobals());

function fakeWorker(
	windows: { url: string }[] = [],
	current: ReturnType<typeof fakeSubscription> | null = null,
	log: string[] = []
) {
	const listeners = new Map<string, (event: unknown) => void>();
	const shown: { title: string; options: Record<string, unknown> }[] = [];
	const opened: string[] = [];
	const navigated: string[] = [];
	const clients = windows.map((w) => {
		const client = {
			url: w.url,
			focus: async () => client,
			navigate: async (url: string) => {
				navigated.push(url);
				return client;
			}
		};
		return client;
	});
	const sw: PushScope = {
		location: { origin: ORIGIN },
		registration: {
			showNotification: async (title, options) => void shown.push({ title, options }),
			pushManager: {
				getSubscription: async () => current,
				subscribe: async ({ applicationServerKey }) => {
					log.push(`subscribe ${typeof applicationServerKey}`);
					return fakeSubscription('https://push.example/fresh', log);
				}
			}
		},
		clients: {
			matchAll: async () => clients,
			openWindow: async (url) => void opened.push(url)
		},
		addEventListener: (type: string, listener: (event: never) => void) =>
			void listeners.set(type, listener as (event: unknown) => void)
	};
	listenForPush(sw);
	const fire = async (type: string, event: object) => {
		let work: Promise<unknown> = Promise.resolve();
		listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (work = p) });
		await work;
	};
	return { sw, fire, shown, opened, navigated };
}

describe('the service worker’s push handlers', () => {
	it('shows the pushed reminder with its text, tag and page', async () => {
		const worker = fakeWorker();
		const payload = { title: 'T', body: '12 cards · about 6 min', url: '/review', tag: 'r-1' };
		await worker.fire('push', { data: { text: () => JSON.stringify(payload) } });
		expect(worker.shown).toEqual([
			{
				title: 'T',
				options: expect.objectContaining({
					body: '12 cards · about 6 min',
					tag: 'r-1',
					data: { url: '/review' }
				})
			}
		]);
	});

	it('still shows something for an unreadable push', async () => {
		const worker = fakeWorker();
		await worker.fire('push', { data: { text: () => 'not json' } });
		expect(worker.shown[0]?.title).toBe('Gapwise');
	});

	it('a tap opens Review, or focuses an open window and takes it there', async () => {
		const close = () => {};
		const none = fakeWorker();
		await none.fire('notificationclick', { notification: { data: { url: '/review' }, close } });
		expect(none.opened).toEqual([`${ORIGIN}/review`]);

		const open = fakeWorker([{ url: `${ORIGIN}/today` }]);
		await open.fire('notificationclick', { notification: { data: { url: '/review' }, close } });
		expect(open.opened).toEqual([]);
		expect(open.navigated).toEqual([`${ORIGIN}/review`]);
	});

	it('never opens another site', () => {
		for (const url of ['https://evil.example/x', '//evil.example/x', 'javascript:alert(1)', 42])
			expect(targetOf({ url }, ORIGIN)).toBe(`${ORIGIN}/review`);
		expect(targetOf({ url: '/today' }, ORIGIN)).toBe(`${ORIGIN}/today`);
	});

	it('a rotated subscription is registered and the old one removed', async () => {
		const log: string[] = [];
		fakeServer(log);
		const worker = fakeWorker([], null, log);
		const oldSubscription = fakeSubscription('https://push.example/old', log);
		await worker.fire('pushsubscriptionchange', { oldSubscription, newSubscription: null });
		expect(log).toEqual([
			'subscribe object',
			'POST /api/push/subscriptions {"endpoint":"https://push.example/fresh","keys":{"p256dh":"p","auth":"a"}}',
			'DELETE /api/push/subscriptions {"endpoint":"https://push.example/old"}'
		]);
	});

	it('with no old subscription to copy, the key comes from the server', async () => {
		const log: string[] = [];
		fakeServer(log);
		const worker = fakeWorker([], null, log);
		await worker.fire('pushsubscriptionchange', {});
		expect(log.slice(0, 2)).toEqual(['GET /api/push/key ', 'subscribe string']);
		expect(log).toHaveLength(3);
	});

	it('logging out removes this device from the server, then unsubscribes it', async () => {
		const log: string[] = [];
		fakeServer(log, 204);
		const worker = fakeWorker([], fakeSubscription('https://push.example/phone', log), log);
		await dropDeviceSubscription(worker.sw);
		expect(log).toEqual([
			'DELETE /api/push/subscriptions {"endpoint":"https://push.example/phone"}',
			'unsubscribe https://push.example/phone'
		]);
	});

	it('logging out still goes on when the server cannot be reached', async () => {
		const log: string[] = [];
		vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
		const worker = fakeWorker([], fakeSubscription('https://push.example/phone', log), log);
		await expect(dropDeviceSubscription(worker.sw)).resolves.toBeUndefined();
		expect(log).toEqual(['unsubscribe https://push.example/phone']);
	});
});
