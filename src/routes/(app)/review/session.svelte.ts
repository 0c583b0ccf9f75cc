// The review session runs entirely on the client: grading shows the next card at once and
// the rating goes to the outbox, which syncs in the background. Nothing here awaits the network.
import { flushSync } from 'svelte';
import { record, undoReview, type JournalEntry, type ReviewEntry } from '$lib/client/journal';
import { withOutboxLock } from '$lib/client/flush';
import type { Syncer } from '$lib/client/syncer.svelte';
import { serverNow } from '$lib/client/clock';
import { afterPaint, afterPaintOrHide } from '$lib/client/paint';
import type { QueueCard, Rating, ReviewResult } from '$lib/client/types';

/** A card rated into a learning step comes back after this many other cards. */
const RETURN_AFTER = 4;
/** Without the learner's day end: FSRS's long-term intervals start at a day, steps are shorter. */
const SAME_SESSION_MS = 20 * 3600_000;
/** A card left open this long was not being looked at the whole time. */
const MAX_DURATION_MS = 10 * 60_000;
const UNDO_DEPTH = 50;
export const REVIEW_CHANNEL = 'gapwise-review';

export interface SessionCard extends QueueCard {
	/** Set on a card brought back by a learning step: the review that brought it back. */
	returnedBy?: string;
}

interface Rated {
	entry: ReviewEntry;
	card: SessionCard;
	saved: Promise<unknown>;
}

export interface LeechNotice {
	card: SessionCard;
}

export class ReviewSession {
	// Raw state: cards and history are replaced, never mutated, so no deep proxies are needed.
	cards = $state.raw<SessionCard[]>([]);
	revealed = $state(false);
	done = $state(0);
	leech = $state<LeechNotice | null>(null);
	/** Something the learner should know that is not an error of theirs. */
	notice = $state<string | null>(null);
	#history = $state.raw<Rated[]>([]);
	#shownAt = 0;
	#channel: BroadcastChannel | null = null;
	readonly #user: string;
	readonly #syncer: Syncer;

	/** End of the learner's day (ms): a rating due before it brings the card back in this session. */
	dayEnd: number | undefined;

	constructor(user: string, syncer: Syncer, cards: QueueCard[], done: number, dayEnd?: string) {
		this.#user = user;
		this.#syncer = syncer;
		this.cards = cards;
		this.done = done;
		this.dayEnd = dayEnd ? Date.parse(dayEnd) : undefined;
	}

	get current(): SessionCard | undefined {
		return this.cards[0];
	}

	get canUndo(): boolean {
		return this.#history.length > 0;
	}

	/** Replaces the queue (after reconciling with the outbox) without disturbing an answer shown. */
	replace(cards: QueueCard[], done: number, dayEnd?: string) {
		if (dayEnd) this.dayEnd = Date.parse(dayEnd);
		// Ratings made in the moment before this arrived may not be in the journal it was built from.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const rated = new Set(this.#history.map((r) => r.entry.cardId));
		const fresh = cards.filter((card) => !rated.has(card.id));
		const keepCurrent = this.revealed && fresh[0]?.id === this.current?.id;
		this.cards = fresh;
		this.done = Math.max(done, this.done);
		if (!keepCurrent) this.revealed = false;
	}

	start(): () => void {
		this.#shownAt = Date.now();
		const stopResults = this.#syncer.onOutcome(({ results }) => this.#applyResults(results));
		if (typeof BroadcastChannel === 'function') {
			this.#channel = new BroadcastChannel(REVIEW_CHANNEL);
			this.#channel.onmessage = (event: MessageEvent<{ user: string; cardId: string }>) => {
				if (event.data.user === this.#user) this.#dropCard(event.data.cardId);
			};
		}
		return () => {
			stopResults();
			this.#channel?.close();
		};
	}

	reveal() {
		if (this.current) this.revealed = true;
	}

	grade(rating: Rating) {
		const card = this.current;
		if (!card || !this.revealed) return;
		performance.mark('grade');
		const now = serverNow();
		const entry: ReviewEntry = {
			id: crypto.randomUUID(),
			user: this.#user,
			state: 'pending',
			kind: 'review',
			cardId: card.id,
			rating,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- formatted once, not state
			reviewedAt: new Date(now).toISOString(),
			durationMs: Math.max(0, Math.min(MAX_DURATION_MS, Date.now() - this.#shownAt)),
			createdAt: now
		};
		const rest = this.cards.slice(1);
		const preview = card.previews.find((p) => p.rating === rating);
		if (preview && this.#returnsToday(Date.parse(preview.due), now)) {
			// The queue already says what the ratings after this one would give (preview.next).
			const previews = preview.next ?? [];
			const back: SessionCard = { ...card, isNew: false, previews, returnedBy: entry.id };
			rest.splice(Math.min(rest.length, RETURN_AFTER), 0, back);
		}
		this.cards = rest;
		this.revealed = false;
		this.done += 1;
		this.#showNext();
		const saved = this.#saveAfterPaint(entry);
		this.#history = [...this.#history.slice(1 - UNDO_DEPTH), { entry, card, saved }];
	}

	undo() {
		const last = this.#history.at(-1);
		if (!last) return;
		this.#history = this.#history.slice(0, -1);
		const { entry, card } = last;
		this.cards = [card, ...this.cards.filter((c) => c.returnedBy !== entry.id)];
		this.revealed = false;
		this.done = Math.max(0, this.done - 1);
		if (this.leech?.card.id === card.id) this.leech = null;
		this.#showNext();
		void last.saved
			.then(() =>
				withOutboxLock(() => undoReview(this.#user, entry.id, crypto.randomUUID(), Date.now()))
			)
			.then(() => this.#syncer.changed())
			.catch(() => (this.notice = 'Could not undo on this device. Reload and try again.'));
	}

	/** Bury (until tomorrow) or suspend the current card. */
	setAside(kind: 'bury' | 'suspend') {
		const card = this.current;
		if (!card) return;
		this.#dropCard(card.id);
		this.#showNext();
		const entry: JournalEntry = {
			id: crypto.randomUUID(),
			user: this.#user,
			state: 'pending',
			kind,
			cardId: card.id,
			createdAt: Date.now()
		};
		void this.#saveAfterPaint(entry);
	}

	#returnsToday(due: number, now: number): boolean {
		return this.dayEnd !== undefined ? due < this.dayEnd : due - now < SAME_SESSION_MS;
	}

	dismissLeech() {
		this.leech = null;
	}

	/**
	 * Writes the action to the outbox, tells other tabs, and sends it — all once the next card
	 * is on screen: opening the IndexedDB transaction and the write took half of the tap's
	 * handler. The action is in `#history` meanwhile (undo works), and a page hidden before
	 * that frame writes at once rather than waiting for frames a hidden page never gets.
	 */
	async #saveAfterPaint(entry: JournalEntry) {
		try {
			await this.#syncer.writing(async () => {
				await afterPaintOrHide();
				this.#channel?.postMessage({ user: this.#user, cardId: entry.cardId });
				await record(entry);
			});
		} catch {
			this.notice = 'This device could not store your last action; it may not sync.';
		}
	}

	/** Paints the next card synchronously, then marks when the frame is on screen. */
	#showNext() {
		flushSync();
		this.#shownAt = Date.now();
		void afterPaint().then(() => performance.mark('next-card-painted'));
	}

	#dropCard(cardId: string) {
		const wasCurrent = this.current?.id === cardId;
		this.cards = this.cards.filter((c) => c.id !== cardId);
		if (wasCurrent) this.revealed = false;
	}

	#applyResults(results: ReviewResult[]) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const mine = new Map(this.#history.map((rated) => [rated.entry.id, rated]));
		for (const result of results) {
			const rated = result.id === null ? undefined : mine.get(result.id);
			if (!rated || !result.card || result.status !== 'applied') continue;
			const { previews, leech, suspended } = result.card;
			if (leech || suspended) {
				// Suspended by this very rating: it leaves the session, and a leech asks for action.
				this.cards = this.cards.filter((c) => c.returnedBy !== result.id);
				if (leech) this.leech = { card: rated.card };
			} else {
				this.cards = this.cards.map((c) => (c.returnedBy === result.id ? { ...c, previews } : c));
			}
		}
	}
}
