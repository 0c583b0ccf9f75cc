// Today's review numbers, the one way every screen computes them (the queue's counts, Review,
// Today, stats): a queue from the server plus what this device did that the queue does not
// know yet. A review is known to the queue by its id, never guessed from clocks, so a review
// is counted once whether it is still waiting on the device, synced, or both.

/** A card due this soon is shown now: learning steps of a few minutes need no wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;
/** Without the learner's day end: FSRS's long-term intervals start at a day, steps are shorter. */
const SAME_DAY_MS = 20 * 3600_000;

export interface CountedPreview {
	rating: number;
	due: string;
	next?: CountedPreview[];
}

export interface CountedCard {
	id: string;
	isNew: boolean;
	/** When a studied card is due (ISO); none for a new card. */
	due?: string | null;
	previews?: CountedPreview[];
	/** Set on a card back from a learning step: when its previews hold (else the queue's time). */
	previewsAt?: string;
	/** Set on a card back from a learning step: the review that brought it back. */
	returnedBy?: string;
}

/** What the counts read of GET /api/queue. */
export interface CountedQueue<C extends CountedCard = CountedCard> {
	generatedAt: string;
	/** The learner's day, [dayStart, dayEnd), and the end of tomorrow (ISO). */
	dayStart?: string;
	dayEnd?: string;
	tomorrowEnd?: string;
	doneToday: number;
	streak?: number;
	tomorrow?: number;
	/** Reviews the server had when it made the queue (the last two days'). */
	reviewIds?: string[];
	/** Due cards left for coming days by a catch-up plan. */
	deferred?: number;
	cards: C[];
}

/** An action this device remembers (its journal): waiting to sync, or synced. */
export type DeviceAction =
	| {
			kind: 'review';
			id: string;
			cardId: string;
			rating: number;
			reviewedAt: string;
			/** When the rating sends the card back (the preview's due when it was made). */
			due?: string;
			state?: 'pending' | 'synced';
			createdAt: number;
	  }
	| {
			kind: 'undo';
			id: string;
			cardId: string;
			reviewId: string;
			/** When the undone review was made. */
			reviewedAt?: string;
			state?: 'pending' | 'synced';
			createdAt: number;
	  }
	| { kind: 'bury' | 'suspend'; id: string; cardId: string; state?: string; createdAt: number };

export interface TodayCounts<C extends CountedCard> {
	/** Cards to review now, in queue order, cards back from a learning step last. */
	now: C[];
	/** Cards that come back later today, soonest first. */
	later: C[];
	/** When the first of `later` is due (ISO), or null. */
	nextAt: string | null;
	/** Reviews made today. */
	done: number;
	/** Studied cards among `now` (the rest are new). */
	due: number;
	fresh: number;
	/** Due cards left today in all: now, later and those a catch-up plan defers. */
	dueToday: number;
	streak?: number;
	tomorrow?: number;
}

export type Placement = 'now' | 'later' | 'tomorrow' | 'gone';

/** Where a card due at `due` goes in today's session. */
export function placement(
	due: number,
	now: number,
	day: { dayEnd?: string; tomorrowEnd?: string }
): Placement {
	const end = day.dayEnd ? Date.parse(day.dayEnd) : now + SAME_DAY_MS;
	if (due < end) return due <= now + LEARN_AHEAD_MS ? 'now' : 'later';
	const tomorrowEnd = day.tomorrowEnd ? Date.parse(day.tomorrowEnd) : NaN;
	return due < tomorrowEnd ? 'tomorrow' : 'gone';
}

/**
 * The streak once `done` reviews are made today: the queue's streak counts today only if it
 * had a review of today, and today can add one day but never break the run.
 */
export function streakWith(queue: Pick<CountedQueue, 'streak' | 'doneToday'>, done: number) {
	if (queue.streak === undefined) return undefined;
	return queue.streak - (queue.doneToday > 0 ? 1 : 0) + (done > 0 ? 1 : 0);
}

function within(iso: string | undefined, start?: string, end?: string): boolean {
	if (!iso) return true;
	const at = Date.parse(iso);
	if (start && at < Date.parse(start)) return false;
	return !(end && at >= Date.parse(end));
}

/**
 * Whether the queue already reflects an action: a review by its id; a bury, a suspension (or a
 * review, for a queue saved before queues listed ids) when it was synced before the queue was
 * made. Minutes of clock skew cannot matter there: a card set aside is simply left out again.
 */
function knownTo(queue: CountedQueue): (action: DeviceAction) => boolean {
	const ids = queue.reviewIds ? new Set(queue.reviewIds) : null;
	const made = Date.parse(queue.generatedAt);
	return (action) =>
		ids && action.kind === 'review'
			? ids.has(action.id)
			: action.state === 'synced' && action.createdAt <= made;
}

const DAY_MS = 86_400_000;

/**
 * A queue kept from a learner day that is over (opened offline after the rollover) counts in the
 * day the learner is in now: [dayEnd, tomorrowEnd) the next day, and 24-hour days after that
 * (an hour off across a clock change, until the device reaches the server). Nothing the queue
 * counted as done belongs to that day, and what is due the day after is unknown. The streak
 * stands only for the next day and only if the queue's day had reviews (a day with nothing
 * done may have broken it, which only the server can tell).
 */
export function currentDay<Q extends CountedQueue>(queue: Q, now: number): Q {
	if (!queue.dayEnd || now < Date.parse(queue.dayEnd)) return queue;
	const next = Date.parse(queue.tomorrowEnd ?? '');
	let start = Date.parse(queue.dayEnd);
	let end = Number.isFinite(next) ? next : start + DAY_MS;
	const later = now >= end;
	while (now >= end) [start, end] = [end, end + DAY_MS];
	return {
		...queue,
		dayStart: new Date(start).toISOString(),
		dayEnd: new Date(end).toISOString(),
		tomorrowEnd: new Date(end + DAY_MS).toISOString(),
		doneToday: 0,
		tomorrow: undefined,
		streak: queue.doneToday > 0 && !later ? queue.streak : undefined
	};
}

export function todayCounts<C extends CountedCard>(
	saved: CountedQueue<C>,
	actions: readonly DeviceAction[],
	now: number
): TodayCounts<C> {
	const queue = currentDay(saved, now);
	const known = knownTo(queue);
	const reviewIds = new Set(queue.reviewIds ?? []);
	const unseen = actions.filter((a) => !known(a)).sort((a, b) => a.createdAt - b.createdAt);
	const byId = new Map(queue.cards.map((card) => [card.id, card]));
	let done = queue.doneToday;
	let tomorrow = queue.tomorrow;
	// The last thing this device did to each card the queue does not know about.
	interface Touch {
		card?: C;
		due?: number;
		previews?: CountedPreview[];
		previewsAt?: string;
		by?: string;
	}
	const touched = new Map<string, Touch>();
	for (const action of unseen) {
		if (action.kind === 'undo') {
			// The server counted the review this undoes; the device no longer does.
			if (reviewIds.has(action.reviewId) && within(action.reviewedAt, queue.dayStart, queue.dayEnd))
				done -= 1;
			continue;
		}
		const before = touched.get(action.cardId) ?? { card: byId.get(action.cardId) };
		if (action.kind !== 'review') {
			touched.set(action.cardId, {});
			continue;
		}
		if (within(action.reviewedAt, queue.dayStart, queue.dayEnd)) done += 1;
		const preview = (before.previews ?? before.card?.previews)?.find(
			(p) => p.rating === action.rating
		);
		const due = Date.parse(action.due ?? preview?.due ?? '');
		touched.set(action.cardId, {
			card: before.card,
			due: Number.isFinite(due) ? due : undefined,
			previews: preview?.next ?? [],
			previewsAt: preview?.due ?? action.due,
			by: action.id
		});
	}

	const ready: C[] = [];
	const later: C[] = [];
	const back: C[] = [];
	for (const card of queue.cards) {
		if (touched.has(card.id)) continue;
		const due = card.due ? Date.parse(card.due) : NaN;
		if (card.isNew || !(due > now + LEARN_AHEAD_MS)) ready.push(card);
		else later.push(card);
	}
	for (const { card, due, previews, previewsAt, by } of touched.values()) {
		if (due === undefined) continue;
		const where = placement(due, now, queue);
		if (where === 'tomorrow' && tomorrow !== undefined) tomorrow += 1;
		if (!card || (where !== 'now' && where !== 'later')) continue;
		const iso = new Date(due).toISOString();
		const returned = { ...card, isNew: false, due: iso, previews, previewsAt, returnedBy: by };
		(where === 'now' ? back : later).push(returned);
	}
	const byDue = (a: C, b: C) => Date.parse(a.due ?? '') - Date.parse(b.due ?? '');
	back.sort(byDue);
	later.sort(byDue);
	const cards = [...ready, ...back];
	const due = cards.filter((c) => !c.isNew).length;
	return {
		now: cards,
		later,
		nextAt: later[0]?.due ?? null,
		done: Math.max(0, done),
		due,
		fresh: cards.length - due,
		dueToday: due + later.length + (queue.deferred ?? 0),
		streak: streakWith(queue, Math.max(0, done)),
		tomorrow
	};
}
