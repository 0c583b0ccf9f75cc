// Cache strategies of the service worker. Two caches: the build's files (one per version,
// cache-first) and the signed-in learner's data (network-first), which is dropped whenever
// the account changes.
import { forgetUsers } from '../meta';
import type { FetchEvent } from './scope';

/** The signed-in learner's pages and queue. Never survives a change of account. */
export const DATA_CACHE = 'gapwise-data';
export const QUEUE = '/api/queue';
/** Pages kept for offline use; their `__data.json` is kept under the same rule. */
export const OFFLINE_PAGES = ['/review', '/today'];

/** Bumped on every change of account: a response fetched before it is never stored after it. */
let epoch = 0;

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

export async function forgetAccount() {
	epoch += 1;
	await caches.delete(DATA_CACHE);
	try {
		await forgetUsers(null);
	} catch {
		// No IndexedDB: nothing was stored to forget.
	}
}

/** Fetches the offline pages and the queue again (after an update, their build files changed). */
export async function warmDataCache() {
	const started = epoch;
	const cache = await caches.open(DATA_CACHE);
	await Promise.all(
		[...OFFLINE_PAGES, QUEUE].map(async (path) => {
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

export function offlinePage(): Response {
	const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Gapwise</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;max-width:32rem}
@media (prefers-color-scheme:dark){body{background:#0b1120;color:#e2e8f0}a{color:#60a5fa}}</style></head>
<body><h1>You are offline</h1><p>This page is not saved on this device.
Reviews work offline once opened online: <a href="/review">go to Review</a>.</p></body></html>`;
	return new Response(html, {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }
	});
}
