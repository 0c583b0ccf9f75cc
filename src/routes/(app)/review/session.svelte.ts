// The review session runs entirely on the client: grading shows the next card at once and
// the rating goes to the outbox, which syncs in the background. Nothing here awaits the network.
// Its numbers are today's counts ($lib/core/today-counts) kept up to date rating by rating.
import { flushSync } from 'svelte';
import { record, undoReview, type JournalEntry, type ReviewEntry } from '$lib/client/journal';
import { withOutboxLock } from '$lib/client/flush';
import type { Syncer } from '$lib/client/syncer.svelte';
import { serverNow } from '$lib/client/clock';
import { afterPaint, afterPaintOrHide } from '$lib/client/paint';
import type { QueueCard, QueueData, Rating, ReviewResult } from '$lib/client/types';
import {
	LEARN_AHEAD_MS,
	placement,
	todayCounts,
	type DeviceAction,
	type Placement
} from '$lib/core/today-counts';

/** A card rated into a learning step comes back after this many other cards. */
const RETURN_AFTER = 4;
/** A card left open this long was not being looked at the whole time. */
const MAX_DURATION_MS = 10 * 60_000;
const UNDO_DEPTH = 50;
/** How often cards due later today are checked for having come due. */
const LATER_CHECK_MS = 15_000;
export const REVIEW_CHANNEL = 'gapwise-review';

export interface SessionCard extends QueueCard {
	/** Set on a card brought back by a learning step: the review that brought it back. */
	returnedBy?: string;
	/** Set on a card brought back by a learning step: when its previews hold. */
	previewsAt?: string;
}

interface Rated {
	entry: ReviewEntry;
	card: SessionCard;
	/** Where the rating sent the card. */
	went: Placement;
	saved: Promise<unknown>;
}

const byDue = (a: SessionCard, b: SessionCard) => Date.parse(a.due ?? '') - Date.parse(b.due ?? '');

export interface LeechNotice {
	card: SessionCard;
}

export class ReviewSession {
	// Raw state: cards and history are replaced, never mutated, so no deep proxies are needed.
	cards = $state.raw<SessionCard[]>([]);
	/** Cards that come back later today, soonest first. */
	later = $state.raw<SessionCard[]>([]);
	revealed = $state(false);
	done = $state(0);
	/** Cards due tomorrow, the ratings made here included; unknown without the queue's count. */
	tomorrow = $state<number | undefined>(undefined);
	leech = $state<LeechNotice | null>(null);
	/** The card just graded, kept (hidden) until the next one is painted: see `#showNext`. */
	leaving = $state.raw<SessionCard | undefined>(undefined);
	/** Something the learner should know that is not an error of theirs. */
	notice = $state<string | null>(null);
	#history = $state.raw<Rated[]>([]);
	#shownAt = 0;
	/** The next rating's id, made ahead: making it was a tenth of the grade's handler. */
	#nextId: string | null = null;
	#channel: BroadcastChannel | null = null;
	readonly #user: string;
	readonly #syncer: Syncer;
	#timer: ReturnType<typeof setInterval> | undefined;
	/** The queue the session runs on: its day, and when its previews were made. */
	#queue: QueueData | null = null;

	constructor(user: string, syncer: Syncer, queue: QueueData | null) {
		this.#user = user;
		this.#syncer = syncer;
		if (queue) this.load(queue, []);
	}

	get current(): SessionCard | undefined {
		return this.cards[0];
	}

	get canUndo(): boolean {
		return this.#history.length > 0;
	}

	/**
	 * Runs the session on `queue` and what this device did since it was made (`entries`, the
	 * journal), plus the ratings made here that are not written yet, without disturbing an
	 * answer shown.
	 */
	load(queue: QueueData, entries: readonly DeviceAction[]) {
		this.#queue = queue;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const ids = new Set(entries.map((e) => e.id));
		const unwritten = this.#history.map((r) => r.entry).filter((e) => !ids.has(e.id));
		const counts = todayCounts<SessionCard>(queue, [...entries, ...unwritten], serverNow());
		const keepCurrent = this.revealed && counts.now[0]?.id === this.current?.id;
		this.cards = counts.now;
		this.later = counts.later;
		this.done = counts.done;
		this.tomorrow = counts.tomorrow;
		if (!keepCurrent) this.revealed = false;
	}

	start(): () => void {
		this.#shownAt = Date.now();
		this.#nextId = crypto.randomUUID();
		this.#timer = setInterval(() => this.#comeDue(), LATER_CHECK_MS);
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
			clearInterval(this.#timer);
		};
	}

	/** Cards due later today join the session once they are due (within the learn-ahead). */
	#comeDue() {
		const until = serverNow() + LEARN_AHEAD_MS;
		const due = this.later.filter((c) => Date.parse(c.due ?? '') <= until);
		if (due.length === 0) return;
		this.later = this.later.filter((c) => !due.includes(c));
		const wasEmpty = this.cards.length === 0;
		this.cards = [...this.cards, ...due];
		if (wasEmpty) this.#shownAt = Date.now();
	}

	reveal() {
		if (this.current) this.revealed = true;
	}

	grade(rating: Rating) {
		const card = this.current;
		if (!card || !this.revealed) return;
		performance.mark('grade');
		const now = serverNow();
		const preview = card.previews.find((p) => p.rating === rating);
		// The previews were worked out when the queue was made: the same intervals from now.
		const due = preview ? now + Date.parse(preview.due) - this.#previewsAt(card) : NaN;
		const entry: ReviewEntry = {
			id: this.#nextId ?? crypto.randomUUID(),
			user: this.#user,
			state: 'pending',
			kind: 'review',
			cardId: card.id,
			rating,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- formatted once, not state
			reviewedAt: new Date(now).toISOString(),
			durationMs: Math.max(0, Math.min(MAX_DURATION_MS, Date.now() - this.#shownAt)),
			createdAt: now,
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- formatted once, not state
			...(Number.isFinite(due) ? { due: new Date(due).toISOString() } : {})
		};
		const rest = this.cards.slice(1);
		const went = entry.due ? placement(due, now, this.#queue ?? {}) : 'gone';
		if (preview && (went === 'now' || went === 'later')) {
			// The queue already says what the ratings after this one would give (preview.next).
			const back: SessionCard = {
				...card,
				isNew: false,
				due: entry.due,
				previews: preview.next ?? [],
				previewsAt: preview.due,
				returnedBy: entry.id
			};
			if (went === 'now') rest.splice(Math.min(rest.length, RETURN_AFTER), 0, back);
			else this.later = [...this.later, back].sort(byDue);
		}
		if (went === 'tomorrow' && this.tomorrow !== undefined) this.tomorrow += 1;
		this.#nextId = null;
		this.leaving = card;
		this.cards = rest;
		this.revealed = false;
		this.done += 1;
		this.#showNext();
		const saved = this.#saveAfterPaint(entry);
		this.#history = [...this.#history.slice(1 - UNDO_DEPTH), { entry, card, went, saved }];
	}

	/** When a card's previews were worked out: the queue's time, or its step's due time. */
	#previewsAt(card: SessionCard): number {
		return Date.parse(card.previewsAt ?? this.#queue?.generatedAt ?? '') || serverNow();
	}

	undo() {
		const last = this.#history.at(-1);
		if (!last) return;
		this.#history = this.#history.slice(0, -1);
		const { entry, card, went } = last;
		this.cards = [card, ...this.cards.filter((c) => c.returnedBy !== entry.id)];
		this.later = this.later.filter((c) => c.returnedBy !== entry.id);
		if (went === 'tomorrow' && this.tomorrow !== undefined) this.tomorrow -= 1;
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

	/**
	 * Paints the next card synchronously, then marks when the frame is on screen — asked for
	 * before the update, so the mark comes before whatever the update queues after that frame.
	 * The card that left is taken out of the page only then: removing it inside the tap was
	 * a seventh of the handler.
	 */
	#showNext() {
		const painted = afterPaint();
		flushSync();
		this.#shownAt = Date.now();
		void painted.then(() => {
			performance.mark('next-card-painted');
			this.leaving = undefined;
			this.#nextId ??= crypto.randomUUID();
		});
	}

	#dropCard(cardId: string) {
		const wasCurrent = this.current?.id === cardId;
		this.cards = this.cards.filter((c) => c.id !== cardId);
		this.later = this.later.filter((c) => c.id !== cardId);
		if (wasCurrent) this.revealed = false;
	}

	#applyResults(results: ReviewResult[]) {
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup
		const made = new Map(this.#history.map((rated) => [rated.entry.id, rated]));
		for (const result of results) {
			const rated = result.id === null ? undefined : made.get(result.id);
			if (!rated || !result.card || result.status !== 'applied') continue;
			const { previews, leech, suspended, due } = result.card;
			const mine = (c: SessionCard) => c.returnedBy === result.id;
			if (leech || suspended) {
				// Suspended by this very rating: it leaves the session, and a leech asks for action.
				this.cards = this.cards.filter((c) => !mine(c));
				this.later = this.later.filter((c) => !mine(c));
				if (leech) this.leech = { card: rated.card };
			} else {
				// The server's own due time, and previews made for it.
				const at = due ?? undefined;
				const fresh = (c: SessionCard) =>
					mine(c) ? { ...c, previews, due: at ?? c.due, previewsAt: at ?? c.previewsAt } : c;
				this.cards = this.cards.map(fresh);
				this.later = this.later.map(fresh);
			}
		}
	}
}
