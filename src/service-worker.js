// SvelteKit builds this file as the service worker; the logic lives in $lib/client/sw, where
// the app's TypeScript project checks it.
import { build, files, version } from '$service-worker';
import { startServiceWorker } from '$lib/client/sw/worker';
import { dropDeviceSubscription, listenForPush } from '$lib/client/sw/push';

startServiceWorker(/** @type {any} */ (self), { build, files, version }, () =>
	dropDeviceSubscription(/** @type {any} */ (self))
);
listenForPush(/** @type {any} */ (self));
