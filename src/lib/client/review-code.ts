// Review opened from the address bar runs without SvelteKit's client (its island), so the
// pages it links to are fresh loads that do not have Review's code. A service worker holds
// every file of the build; without one (blocked, a private window) this page loads Review's
// code itself, so a tap on Review still works once the connection drops.

/** Long enough for a first visit's service worker to install; then the code is loaded. */
const WAIT_FOR_WORKER_MS = 3000;

/** Runs `load` unless a service worker becomes ready first; returns the cancel. */
export function keepReviewCode(load: () => Promise<void>): () => void {
	let live = true;
	const run = () => {
		if (!live) return;
		load()
			// Marks the page for the end-to-end test of this path.
			.then(() => (document.documentElement.dataset.reviewCode = 'loaded'))
			.catch(() => {
				// Offline already, or a new build: the next page tries again.
			});
	};
	if (!('serviceWorker' in navigator)) {
		run();
		return () => (live = false);
	}
	const timer = setTimeout(run, WAIT_FOR_WORKER_MS);
	void navigator.serviceWorker.ready.then(() => clearTimeout(timer));
	return () => {
		live = false;
		clearTimeout(timer);
	};
}
