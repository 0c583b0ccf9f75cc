// What a page showing today's review numbers sends the browser: the queue's counting facts
// without the cards' content, so the page adds what waits on the device the way Review does
// (see $lib/core/today-counts).
import type { CountedQueue } from '$lib/core/today-counts';
import type { QueueJson } from './queue-json';

export interface QueueSummary extends CountedQueue {
	timezone: string;
}

export function queueSummary(queue: QueueJson): QueueSummary {
	return {
		generatedAt: queue.generatedAt,
		dayStart: queue.dayStart,
		dayEnd: queue.dayEnd,
		tomorrowEnd: queue.tomorrowEnd,
		timezone: queue.timezone,
		doneToday: queue.doneToday,
		streak: queue.streak,
		tomorrow: queue.tomorrow,
		reviewIds: queue.reviewIds,
		deferred: queue.counts.deferred,
		cards: queue.cards.map((card) => ({ id: card.id, isNew: card.isNew, due: card.due }))
	};
}
