// Asks the service worker to keep Review and Today for offline use. Sent on every page of the
// signed-in app, so a learner who only ever taps around (no full load of /review) still finds
// both pages when the connection drops; the worker decides how often it really fetches.
import { WARM_MESSAGE } from './constants';

export function keepForOffline() {
	if (!('serviceWorker' in navigator)) return;
	navigator.serviceWorker.ready
		.then((registration) => registration.active?.postMessage({ type: WARM_MESSAGE }))
		.catch(() => {
			// No worker (blocked, or a private window): nothing is kept, and the app works online.
		});
}
