// Reminders on this device: subscribe the browser with the server's VAPID key and register
// the subscription, or remove it. Progressive enhancement: the settings page works without
// any of this, and says what to use instead when the browser cannot receive pushes.

export type DeviceState = 'unsupported' | 'denied' | 'off' | 'on';
export type Outcome = { ok: true } | { ok: false; message: string };

const JSON_HEADERS = { 'content-type': 'application/json' };
/** A service worker that never activates must not leave the button spinning. */
const READY_MS = 10_000;

export function pushSupported(): boolean {
	return (
		typeof window !== 'undefined' &&
		'serviceWorker' in navigator &&
		'PushManager' in window &&
		'Notification' in window
	);
}

async function registration(): Promise<ServiceWorkerRegistration> {
	return Promise.race([
		navigator.serviceWorker.ready,
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error('The service worker is not running.')), READY_MS)
		)
	]);
}

async function browserSubscription(): Promise<PushSubscription | null> {
	const reg = await navigator.serviceWorker.getRegistration();
	return (await reg?.pushManager.getSubscription()) ?? null;
}

/** The same digest the server lists for the learner's subscriptions (hex SHA-256, 32 chars). */
async function digest(endpoint: string): Promise<string> {
	const hash = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(endpoint));
	return [...new Uint8Array(hash)]
		.map((b) => b.toString(16).padStart(2, '0'))
		.join('')
		.slice(0, 32);
}

/** Whether this browser gets the learner's reminders (`registered`: the server's digests). */
export async function deviceState(registered: string[]): Promise<DeviceState> {
	if (!pushSupported()) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	const sub = await browserSubscription();
	return sub && registered.includes(await digest(sub.endpoint)) ? 'on' : 'off';
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
	const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
	const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function sameKey(sub: PushSubscription, key: Uint8Array): boolean {
	const current = sub.options.applicationServerKey;
	if (!current) return false;
	const bytes = new Uint8Array(current);
	return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

async function messageOf(response: Response, fallback: string): Promise<string> {
	const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
	return typeof body?.message === 'string' ? body.message : fallback;
}

export async function turnOn(): Promise<Outcome> {
	if (!pushSupported())
		return { ok: false, message: 'This browser cannot receive push notifications.' };
	try {
		const permission = await Notification.requestPermission();
		if (permission !== 'granted')
			return {
				ok: false,
				message:
					permission === 'denied'
						? 'Notifications are blocked for this site in your browser’s settings.'
						: 'Notifications were not allowed, so reminders stay off.'
			};
		const keyResponse = await fetch('/api/push/key');
		if (!keyResponse.ok)
			return { ok: false, message: await messageOf(keyResponse, 'Could not reach Gapwise.') };
		const { publicKey } = (await keyResponse.json()) as { publicKey: string };
		const key = fromBase64url(publicKey);
		const reg = await registration();
		let sub = await reg.pushManager.getSubscription();
		// Subscribed with another server key (keys were rotated): that subscription is dead.
		if (sub && !sameKey(sub, key)) {
			await sub.unsubscribe();
			sub = null;
		}
		sub ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
		const saved = await fetch('/api/push/subscriptions', {
			method: 'POST',
			headers: JSON_HEADERS,
			body: JSON.stringify(sub.toJSON())
		});
		if (!saved.ok) return { ok: false, message: await messageOf(saved, 'Could not save.') };
		return { ok: true };
	} catch (error) {
		const detail = error instanceof Error ? ` (${error.message})` : '';
		return { ok: false, message: `This browser could not subscribe to reminders${detail}.` };
	}
}

export async function turnOff(): Promise<Outcome> {
	try {
		const sub = await browserSubscription();
		if (!sub) return { ok: true };
		const removed = await fetch('/api/push/subscriptions', {
			method: 'DELETE',
			headers: JSON_HEADERS,
			body: JSON.stringify({ endpoint: sub.endpoint })
		});
		// 404: the server no longer had it (the push service had dropped it, or another account).
		if (!removed.ok && removed.status !== 404)
			return { ok: false, message: await messageOf(removed, 'Could not turn reminders off.') };
		await sub.unsubscribe();
		return { ok: true };
	} catch {
		return { ok: false, message: 'Could not turn reminders off. Check your connection.' };
	}
}
