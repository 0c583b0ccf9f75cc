// Decides when this page flushes the outbox and shows how it went: on page load, on the
// `online` event, after every action, and again with backoff after a failure. The service
// worker's `sync` event covers browsers with Background Sync while no page is open.
import { SYNC_CHANNEL, SYNC_TAG } from './constants';
import { flushOutbox, type FlushOutcome, type Rejection } from './flush';
import { countPending, prune } from './journal';
import { forgetUsers, getCurrentUser, setCurrentUser } from './meta';

const MIN_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 5 * 60_000;

type Listener = (outcome: FlushOutcome) => void;

export class Syncer {
	/** Entries in this user's outbox that the server does not have yet. */
	pending = $state(0);
	/** Actions taken on this page that are still being written to the outbox. */
	#writing = $state(0);
	/** The session expired: the learner must sign in again before anything can sync. */
	authRequired = $state(false);
	/** The last attempt could not reach the server (or the server failed). */
	failing = $state(false);
	rejected = $state<Rejection[]>([]);

	readonly user: string;
	#running: Promise<void> | null = null;
	#again = false;
	#backoff = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, not UI state
	#listeners = new Set<Listener>();
	#channel: BroadcastChannel | null = null;
	#users = 0;

	constructor(user: string) {
		this.user = user;
	}

	/** Starts syncing for this page; returns the matching stop. Safe to call from several components. */
	start(): () => void {
		this.#users += 1;
		if (this.#users === 1) {
			window.addEventListener('online', this.#onOnline);
			this.#channel =
				typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL) : null;
			if (this.#channel) this.#channel.onmessage = () => void this.refresh();
			void this.#prepare();
		}
		return () => {
			this.#users -= 1;
			if (this.#users > 0) return;
			window.removeEventListener('online', this.#onOnline);
			this.#channel?.close();
			this.#channel = null;
			clearTimeout(this.#timer);
		};
	}

	async #prepare() {
		try {
			await setCurrentUser(this.user);
			// Cached queues and history of any other account on this device go now.
			await forgetUsers(this.user);
			await prune(this.user, Date.now());
		} catch {
			// Private mode without IndexedDB: the session still works, just not offline.
		}
		await this.flush();
	}

	#onOnline = () => {
		this.#backoff = 0;
		void this.flush();
	};

	onOutcome(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/** What the learner is told is waiting: an action counts from the tap, not from its write. */
	get waiting(): number {
		return this.pending + this.#writing;
	}

	/**
	 * Runs `write` (an action going into the outbox) while counting it as waiting, then sends
	 * it; it stops counting here once the outbox count includes it — so "nothing waiting" is
	 * never shown while a rating is in between.
	 */
	async writing<T>(write: () => Promise<T>): Promise<T> {
		this.#writing += 1;
		try {
			const result = await write();
			await this.changed();
			return result;
		} finally {
			this.#writing -= 1;
		}
	}

	async refresh() {
		try {
			this.pending = await countPending(this.user);
		} catch {
			this.pending = 0;
		}
	}

	/**
	 * The outbox changed here: recount, tell other tabs, and send in the background. Resolves
	 * once the count is updated (not when the sending is done).
	 */
	changed(): Promise<void> {
		this.#channel?.postMessage('changed');
		const counted = this.refresh();
		void this.flush();
		return counted;
	}

	/** Sends what is waiting; a call while a flush runs makes that flush go round once more. */
	flush(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#loop().finally(() => (this.#running = null));
		return this.#running;
	}

	async #loop() {
		do {
			this.#again = false;
			clearTimeout(this.#timer);
			let outcome: FlushOutcome;
			try {
				// A tab left open while someone else signed in on this device holds its outbox:
				// the session cookie is now theirs.
				const current = await getCurrentUser().catch(() => undefined);
				if (current !== undefined && current !== this.user) {
					this.authRequired = true;
					await this.refresh();
					return;
				}
				outcome = await flushOutbox(this.user);
			} catch {
				await this.refresh();
				return;
			}
			this.#apply(outcome);
		} while (this.#again && !this.authRequired && !this.failing);
	}

	#apply(outcome: FlushOutcome) {
		const before = this.pending;
		this.pending = outcome.pending;
		this.authRequired = outcome.authRequired;
		this.failing = outcome.failed;
		if (outcome.rejected.length) this.rejected = [...this.rejected, ...outcome.rejected];
		if (before !== outcome.pending) this.#channel?.postMessage('changed');
		for (const listener of this.#listeners) listener(outcome);
		if (outcome.failed && outcome.pending > 0) this.#retryLater();
		else this.#backoff = 0;
	}

	#retryLater() {
		this.#backoff = Math.min(MAX_BACKOFF_MS, this.#backoff ? this.#backoff * 2 : MIN_BACKOFF_MS);
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#backoff);
		void registerBackgroundSync();
	}

	dismissRejected() {
		this.rejected = [];
	}
}

interface SyncRegistration extends ServiceWorkerRegistration {
	sync?: { register(tag: string): Promise<void> };
}

/** Where Background Sync exists, the service worker flushes once the connection returns. */
async function registerBackgroundSync() {
	try {
		if (!('serviceWorker' in navigator)) return;
		const registration = (await navigator.serviceWorker.ready) as SyncRegistration;
		await registration.sync?.register(SYNC_TAG);
	} catch {
		// Not supported or not permitted: page load and the `online` event still flush.
	}
}

// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a registry, never rendered
const syncers = new Map<string, Syncer>();

/** One syncer per user and page, shared by the app shell's badge and the review session. */
export function syncerFor(user: string): Syncer {
	let syncer = syncers.get(user);
	if (!syncer) {
		syncer = new Syncer(user);
		syncers.set(user, syncer);
	}
	return syncer;
}
