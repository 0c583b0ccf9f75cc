// The service worker's event wiring: precache each build, serve the shell offline, keep the
// learner's review data network-first (fetched ahead at sign-in and as pages ask, so Review
// and Today open offline however the learner got there), forget it on a change of account,
// and flush the outbox on Background Sync (where the browser has it).
import { SYNC_CHANNEL, SYNC_TAG, WARM_MESSAGE } from '../constants';
import { flushOutbox } from '../flush';
import { getCurrentUser } from '../meta';
import {
	DATA_CACHE,
	cacheFirst,
	changesAccount,
	dataKey,
	dataOrOffline,
	endsSession,
	forgetAccount,
	navigateOrOffline,
	networkFirst,
	signsIn,
	warmDataCache
} from './caching';
import { useAppStylesheet } from './offline-page';
import type { BuildManifest, WorkerScope } from './scope';

/**
 * `beforeSignOut` runs while the session is still valid, before a log-out or account deletion
 * reaches the server (the push side uses it to unsubscribe this device).
 */
export function startServiceWorker(
	sw: WorkerScope,
	{ build, files, version }: BuildManifest,
	beforeSignOut: () => Promise<void> = async () => {}
) {
	const shell = `gapwise-shell-${version}`;
	const assets = new Set([...build, ...files]);
	useAppStylesheet(build);

	sw.addEventListener('install', (event) => {
		event.waitUntil(
			caches
				.open(shell)
				.then((cache) => cache.addAll([...assets]))
				.then(() => sw.skipWaiting())
		);
	});

	sw.addEventListener('activate', (event) => {
		event.waitUntil(
			(async () => {
				for (const key of await caches.keys()) {
					if (key !== shell && key !== DATA_CACHE) await caches.delete(key);
				}
				await sw.clients.claim();
				// Cached pages name the previous build's files: fetch them again now.
				await warmDataCache({ force: true });
			})()
		);
	});

	sw.addEventListener('fetch', (event) => {
		const { request } = event;
		const url = new URL(request.url);
		if (url.origin !== sw.location.origin) return;
		if (changesAccount(request, url)) {
			event.respondWith(
				(endsSession(url) ? beforeSignOut() : Promise.resolve())
					.then(forgetAccount)
					.then(() => fetch(request))
					.then((response) => {
						// The session cookie is set by now: keep the new learner's pages.
						if (signsIn(url)) event.waitUntil(warmDataCache({ force: true }));
						return response;
					})
			);
			return;
		}
		if (request.method !== 'GET') return;
		if (assets.has(url.pathname)) {
			event.respondWith(cacheFirst(request, shell));
			return;
		}
		const key = dataKey(url);
		if (key) event.respondWith(networkFirst(event, key));
		else if (request.mode === 'navigate') event.respondWith(navigateOrOffline(request));
		else if (url.pathname.endsWith('/__data.json')) event.respondWith(dataOrOffline(request));
	});

	// A page of the signed-in app was opened: keep Review and Today up to date for offline.
	sw.addEventListener('message', (event) => {
		const data = event.data as { type?: unknown } | null;
		if (data?.type === WARM_MESSAGE) event.waitUntil(warmDataCache());
	});

	sw.addEventListener('sync', (event) => {
		if (event.tag === SYNC_TAG) event.waitUntil(syncOutbox());
	});
}

async function syncOutbox() {
	const user = await getCurrentUser();
	if (!user) return;
	const outcome = await flushOutbox(user);
	const channel = new BroadcastChannel(SYNC_CHANNEL);
	channel.postMessage('changed');
	channel.close();
	// Throwing makes the browser retry the sync later; a 401 waits for the next sign-in.
	if (outcome.failed) throw new Error('Outbox not flushed yet');
}
