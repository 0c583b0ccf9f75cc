// Cache strategies of the service worker. Two caches: the build's files (one per version,
// cache-first) and the signed-in learner's data (network-first), which is dropped whenever
// the account changes.
import { forgetUsers } from '../meta';
import { offlinePage } from './offline-page';
import type { FetchEvent } from './scope';

/** The signed-in learner's pages and queue. Never survives a change of account. */
export const DATA_CACHE = 'gapwise-data';
export const QUEUE = '/api/queue';
/** Pages kept for offline use; their `__data.json` is kept under the same rule. */
export const OFFLINE_PAGES = ['/review', '/today'];
/**
 * What a warm-up fetches: the pages, the queue, and Today's page data (Review has none: it
 * loads the queue), so either page opens offline by a reload or by a tap in the app.
 */
const KEPT = [...OFFLINE_PAGES, '/today/__data.json', QUEUE];
/** A warm-up asked for within this time of the last is skipped when every copy is there. */
const WARM_EVERY_MS = 60_000;

/** Bumped on every change of account: a response fetched before it is never stored after it. */
let epoch = 0;
let lastWarm = 0;
let warming: Promise<void> | null = null;

export function cacheable(response: Response): boolean {
	return response.ok && response.type === 'basic' && !response.redirected;
}

/** The cache key of a learner's page or queue (its query never changes the data), or null. */
export function dataKey(url: URL): string | null {
	if (url.pathname === QUEUE) return QUEUE;
	const page = url.pathname.replace(/\/__data\.json$/, '');
	return OFFLINE_PAGES.includes(page) ? url.pathname : null;
}

/** Sign-in, sign-out, sign-up and account deletion: the next person must see nothing of this one. */
export function changesAccount(request: Request, url: URL): boolean {
	if (request.method !== 'POST') return false;
	if (['/logout', '/login', '/register'].includes(url.pathname)) return true;
	return url.pathname === '/profile' && url.search.includes('delete');
}

/**
 * Logging out. (Deleting the account is not included: the server's cascade removes the
 * subscription, and a deletion refused for a wrong password must not switch reminders off.)
 */
export function endsSession(url: URL): boolean {
	return url.pathname === '/logout';
}

/** Sign-in and sign-up: the learner's pages are kept from this moment, whatever they open next. */
export function signsIn(url: URL): boolean {
	return url.pathname === '/login' || url.pathname === '/register';
}

export async function forgetAccount() {
	epoch += 1;
	await caches.delete(DATA_CACHE);
	try {
		await forgetUsers(null);
	} catch {
		// No IndexedDB: nothing was stored to forget.
	}
}

/**
 * Keeps the offline pages, Today's data and the queue for the signed-in learner: after a
 * sign-in, after an update (cached pages name the previous build's files), and when a page
 * asks on navigation — then at most once a minute unless a copy is missing.
 */
export function warmDataCache({ force = false } = {}): Promise<void> {
	// A sign-in never waits on a warm-up begun with the previous account's cookie.
	if (warming && !force) return warming;
	const run = (async () => {
		if (!force && Date.now() - lastWarm < WARM_EVERY_MS && (await allKept())) return;
		lastWarm = Date.now();
		await fetchKept();
	})().finally(() => {
		if (warming === run) warming = null;
	});
	warming = run;
	return run;
}

async function allKept(): Promise<boolean> {
	const cache = await caches.open(DATA_CACHE);
	const found = await Promise.all(KEPT.map((path) => cache.match(path, { ignoreVary: true })));
	return found.every(Boolean);
}

async function fetchKept() {
	const started = epoch;
	const cache = await caches.open(DATA_CACHE);
	await Promise.all(
		KEPT.map(async (path) => {
			try {
				const response = await fetch(path, { credentials: 'same-origin' });
				if (epoch !== started) return;
				if (cacheable(response)) await cache.put(path, response);
				else await cache.delete(path);
			} catch {
				// Offline while updating: the old copies stay until the next visit online.
			}
		})
	);
}

export async function networkFirst(event: FetchEvent, key: string): Promise<Response> {
	const { request } = event;
	const started = epoch;
	try {
		const response = await fetch(request);
		if (cacheable(response)) {
			// Stored beside the response, so the page never waits for the copy to be written.
			const copy = response.clone();
			event.waitUntil(
				caches
					.open(DATA_CACHE)
					.then((cache) => (epoch === started ? cache.put(key, copy) : undefined))
			);
		}
		return response;
	} catch (error) {
		const cached = await caches.match(key, { cacheName: DATA_CACHE, ignoreVary: true });
		if (cached) return cached;
		if (request.mode === 'navigate') return offlinePage();
		throw error;
	}
}

export async function cacheFirst(request: Request, cacheName: string): Promise<Response> {
	return (await caches.match(request, { cacheName })) ?? fetch(request);
}

export async function navigateOrOffline(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		return offlinePage();
	}
}

/**
 * A page's data fetched by a tap in the app, offline and never kept: an error the app shows
 * in its own layout (its message becomes the error page's), not a failed fetch.
 */
export async function dataOrOffline(request: Request): Promise<Response> {
	try {
		return await fetch(request);
	} catch {
		const message = 'You are offline, and this page is not kept on this device.';
		return new Response(JSON.stringify(message), {
			status: 503,
			headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
		});
	}
}
