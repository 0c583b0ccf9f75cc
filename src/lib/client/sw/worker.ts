// The service worker's event wiring: precache each build, serve the shell offline, keep the
// learner's review data network-first, forget it on a change of account, and flush the
// outbox on Background Sync (where the browser has it).
import { SYNC_CHANNEL, SYNC_TAG } from '../constants';
import { flushOutbox } from '../flush';
import { getCurrentUser } from '../meta';
import {
	DATA_CACHE,
	cacheFirst,
	changesAccount,
	dataKey,
	forgetAccount,
	navigateOrOffline,
	networkFirst,
	warmDataCache
} from './caching';
import type { BuildManifest, WorkerScope } from './scope';

export function startServiceWorker(sw: WorkerScope, { build, files, version }: BuildManifest) {
	const shell = `gapwise-shell-${version}`;
	const assets = new Set([...build, ...files]);

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
				await warmDataCache();
			})()
		);
	});

	sw.addEventListener('fetch', (event) => {
		const { request } = event;
		const url = new URL(request.url);
		if (url.origin !== sw.location.origin) return;
		if (changesAccount(request, url)) {
			event.respondWith(forgetAccount().then(() => fetch(request)));
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
