// The review page's own client when it is loaded from the address bar, a bookmark or a
// reminder: the screen alone, without SvelteKit's router, which would double the JavaScript
// the page ships. The server's HTML already shows the first card; the island replaces it
// with the live screen in one task, before the next frame, so nothing moves.
import { mount } from 'svelte';
import ReviewScreen from './ReviewScreen.svelte';
import { DATA_ID, ROOT_ID, type ReviewData } from './review-data';
import { keepForOffline } from '$lib/client/keep-offline';

const root = document.getElementById(ROOT_ID);
const embedded = document.getElementById(DATA_ID);
if (root && embedded?.textContent) {
	const data = JSON.parse(embedded.textContent) as ReviewData;
	root.replaceChildren();
	mount(ReviewScreen, { target: root, props: { data } });
}

// What SvelteKit's start script would have done on this page: install the service worker
// (the page may be the learner's first), and ask it to keep Review and Today for offline use.
if ('serviceWorker' in navigator) {
	addEventListener('load', () => {
		navigator.serviceWorker
			.register('/service-worker.js', import.meta.env.DEV ? { type: 'module' } : undefined)
			.catch(() => {
				// Blocked (a private window, a policy): the app works online without it.
			});
	});
	keepForOffline();
}
