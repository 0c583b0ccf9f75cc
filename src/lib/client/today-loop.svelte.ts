// Today's review numbers on a page other than Review (Today, stats): the newest queue this
// device knows (the page's own figures, or the queue Review saved if it is newer) plus what
// the device did since, counted the way Review counts them ($lib/core/today-counts). Kept up
// to date as the outbox changes, the connection comes and goes, and cards come due.
import {
	todayCounts,
	type CountedCard,
	type CountedQueue,
	type DeviceAction,
	type TodayCounts
} from '$lib/core/today-counts';
import { serverNow } from './clock';
import { SYNC_CHANNEL } from './constants';
import { entriesFor } from './journal';
import { loadSnapshot } from './meta';
import { syncerFor, type Syncer } from './syncer.svelte';

export interface LoopSource extends CountedQueue {
	timezone?: string;
}

const NOTHING: LoopSource = { generatedAt: new Date(0).toISOString(), doneToday: 0, cards: [] };
/** Figures older than this are shown with the time they are from. */
const FRESH_MS = 2 * 60_000;
const TICK_MS = 30_000;

export class TodayLoop {
	source: LoopSource = $state.raw(NOTHING);
	counts: TodayCounts<CountedCard> = $state.raw(todayCounts(NOTHING, [], 0));
	#browserOffline = $state(false);
	// The page's syncer, once started in the browser (on the server a per-user syncer would outlive
	// the request): its last flush tells whether the server answers.
	#syncer: Syncer | null = $state.raw(null);
	#now = $state(0);
	#actions: DeviceAction[] = [];
	readonly #user: string;

	constructor(user: string, summary: LoopSource) {
		this.#user = user;
		this.source = summary;
		this.#count();
	}

	/**
	 * No connection: the browser says so, or the last sync could not reach the server. The second
	 * is needed because `navigator.onLine` stays true on a page that a service worker served while
	 * the network was down (Chromium 150), and on networks that connect but reach nothing.
	 */
	get offline(): boolean {
		return this.#browserOffline || (this.#syncer?.failing ?? false);
	}

	/** The figures are not from this moment (offline, or an old copy): say when they are from. */
	get stale(): boolean {
		return this.offline || this.#now - Date.parse(this.source.generatedAt) > FRESH_MS;
	}

	start(): () => void {
		const read = () => void this.#read();
		this.#syncer = syncerFor(this.#user);
		const connection = () => {
			this.#browserOffline = !navigator.onLine;
			this.#count();
		};
		connection();
		window.addEventListener('online', connection);
		window.addEventListener('offline', connection);
		const channel =
			typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : null;
		if (channel) channel.onmessage = read;
		const timer = setInterval(() => this.#count(), TICK_MS);
		read();
		return () => {
			window.removeEventListener('online', connection);
			window.removeEventListener('offline', connection);
			channel?.close();
			clearInterval(timer);
		};
	}

	async #read() {
		try {
			const saved = (await loadSnapshot(this.#user))?.queue;
			if (saved && Date.parse(saved.generatedAt) > Date.parse(this.source.generatedAt)) {
				this.source = { ...saved, deferred: saved.counts?.deferred };
			}
			this.#actions = await entriesFor(this.#user);
		} catch {
			// No IndexedDB (a locked-down private window): the page's figures are all there is.
		}
		this.#count();
	}

	#count() {
		this.#now = Date.now();
		this.counts = todayCounts(this.source, this.#actions, serverNow());
	}
}
