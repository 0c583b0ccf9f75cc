// The service worker's side of the daily reminder: show the notification the server pushed
// (it arrives encrypted; the browser hands it over decrypted) and, on a tap, bring the app
// forward on the page the reminder names.
import type { ExtendableEvent } from './scope';

interface PushEvent extends ExtendableEvent {
	readonly data: { text(): string } | null;
}

interface NotificationEvent extends ExtendableEvent {
	readonly notification: { readonly data: unknown; close(): void };
}

interface Subscription {
	readonly endpoint: string;
	readonly options?: { readonly applicationServerKey: ArrayBuffer | null };
	toJSON(): unknown;
	unsubscribe(): Promise<boolean>;
}

interface SubscriptionChangeEvent extends ExtendableEvent {
	readonly oldSubscription?: Subscription | null;
	readonly newSubscription?: Subscription | null;
}

interface WindowClient {
	readonly url: string;
	focus(): Promise<WindowClient>;
	navigate(url: string): Promise<WindowClient | null>;
}

export interface PushScope {
	readonly location: { readonly origin: string };
	readonly registration: {
		showNotification(title: string, options: Record<string, unknown>): Promise<void>;
		readonly pushManager: {
			getSubscription(): Promise<Subscription | null>;
			subscribe(options: {
				userVisibleOnly: true;
				applicationServerKey: ArrayBuffer | string;
			}): Promise<Subscription>;
		};
	};
	readonly clients: {
		matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
		openWindow(url: string): Promise<unknown>;
	};
	addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
	addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
	addEventListener(
		type: 'pushsubscriptionchange',
		listener: (event: SubscriptionChangeEvent) => void
	): void;
}

const SUBSCRIPTIONS = '/api/push/subscriptions';
const JSON_HEADERS = { 'content-type': 'application/json' };

function forget(endpoint: string) {
	return fetch(SUBSCRIPTIONS, {
		method: 'DELETE',
		headers: JSON_HEADERS,
		body: JSON.stringify({ endpoint })
	});
}

/**
 * Before the session ends (logging out, deleting the account): the server forgets this
 * device and the browser unsubscribes, so a shared phone stops getting the last learner's
 * reminders. Best effort: signing out must never wait on, or fail because of, a push service.
 */
export async function dropDeviceSubscription(sw: PushScope): Promise<void> {
	try {
		const sub = await sw.registration.pushManager.getSubscription();
		if (!sub) return;
		await forget(sub.endpoint).catch(() => undefined);
		await sub.unsubscribe();
	} catch {
		// No push support, or the browser refused: nothing stays subscribed that we could remove.
	}
}

/** The browser replaced the subscription (expiry, key rotation): keep reminders arriving. */
async function renew(sw: PushScope, event: SubscriptionChangeEvent) {
	const old = event.oldSubscription ?? null;
	let fresh = event.newSubscription ?? null;
	if (!fresh) {
		const key =
			old?.options?.applicationServerKey ??
			((await (await fetch('/api/push/key')).json()) as { publicKey: string }).publicKey;
		fresh = await sw.registration.pushManager.subscribe({
			userVisibleOnly: true,
			applicationServerKey: key
		});
	}
	// Signed out (401): the next "turn on" in settings registers the device again.
	await fetch(SUBSCRIPTIONS, {
		method: 'POST',
		headers: JSON_HEADERS,
		body: JSON.stringify(fresh.toJSON())
	});
	if (old && old.endpoint !== fresh.endpoint) await forget(old.endpoint);
}

const FALLBACK = { title: 'Gapwise', body: 'Your reviews are waiting.', url: '/review' };

interface Reminder {
	title: string;
	body: string;
	url: string;
	tag?: string;
}

function reminderFrom(data: PushEvent['data']): Reminder {
	try {
		const value = JSON.parse(data?.text() ?? '') as Partial<Reminder>;
		if (typeof value.title === 'string' && typeof value.body === 'string')
			return { ...FALLBACK, ...value };
	} catch {
		// Every push must show something (userVisibleOnly), so an unreadable one shows the default.
	}
	return FALLBACK;
}

/** A path on this origin, or Review: a notification must never open another site. */
export function targetOf(data: unknown, origin: string): string {
	const url = (data as { url?: unknown } | null)?.url;
	if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//'))
		return `${origin}${FALLBACK.url}`;
	const target = new URL(url, origin);
	return target.origin === origin ? target.href : `${origin}${FALLBACK.url}`;
}

async function openApp(sw: PushScope, target: string) {
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const open = windows.find((w) => w.url === target) ?? windows[0];
	if (!open) {
		await sw.clients.openWindow(target);
		return;
	}
	const focused = await open.focus();
	if (focused.url === target) return;
	// navigate() works only on a page this worker controls; otherwise open a new one.
	await focused.navigate(target).catch(() => sw.clients.openWindow(target));
}

export function listenForPush(sw: PushScope) {
	sw.addEventListener('push', (event) => {
		const reminder = reminderFrom(event.data);
		event.waitUntil(
			sw.registration.showNotification(reminder.title, {
				body: reminder.body,
				tag: reminder.tag ?? 'gapwise-reminder',
				icon: '/icons/icon-192.png',
				data: { url: reminder.url }
			})
		);
	});

	sw.addEventListener('pushsubscriptionchange', (event) => {
		event.waitUntil(renew(sw, event).catch(() => undefined));
	});

	sw.addEventListener('notificationclick', (event) => {
		event.notification.close();
		event.waitUntil(openApp(sw, targetOf(event.notification.data, sw.location.origin)));
	});
}
