import { describe, expect, it } from 'vitest';
import { listenForPush, targetOf, type PushScope } from './push';

const ORIGIN = 'https://gapwise.example';

function fakeWorker(windows: { url: string }[] = []) {
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
			showNotification: async (title, options) => void shown.push({ title, options })
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
	return { fire, shown, opened, navigated };
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
});
