// A learner with a long history: about 35 reviews a day for `days` days over the first
// `cardCount` built-in cards, as a phone would upload them (one POST /api/reviews per day).
// The schedule here is a plain doubling one: it only has to make a log shaped like a real one.
import { randomUUID } from 'node:crypto';

const DAY = 86_400_000;

/** Review batches, one per day, oldest first; each review has a fresh id. */
export function historyBatches({
	cardIds,
	days = 300,
	cardCount = 742,
	perDay = 40,
	end = Date.now(),
	seed = 5
}) {
	let x = seed;
	const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const cards = cardIds.slice(0, cardCount);
	const newPerDay = Math.ceil(cards.length / (days * 0.6));
	const start = end - days * DAY;
	const due = new Map(); // cardId → { at, interval (days) }
	let introduced = 0;
	const batches = [];
	for (let d = 0; d < days; d += 1) {
		const dayStart = start + d * DAY + 17 * 3_600_000; // early evening UTC
		const dueToday = [...due].filter(([, s]) => s.at <= dayStart + DAY / 2).slice(0, perDay);
		const batch = [];
		let t = dayStart;
		const add = (cardId, rating) => {
			t += 8_000 + Math.round(rand() * 20_000);
			batch.push({
				id: randomUUID(),
				cardId,
				rating,
				reviewedAt: new Date(t).toISOString(),
				durationMs: 4000
			});
		};
		for (const [cardId, s] of dueToday) {
			const r = rand();
			const rating = r < 0.1 ? 1 : r < 0.15 ? 2 : r < 0.95 ? 3 : 4;
			add(cardId, rating);
			const interval =
				rating === 1 ? 1 : Math.max(1, Math.round(s.interval * (rating === 2 ? 1.2 : 1.6)));
			due.set(cardId, { at: t + interval * DAY, interval });
		}
		for (let n = 0; n < newPerDay && introduced < cards.length && batch.length < perDay; n += 1) {
			const cardId = cards[introduced++];
			add(cardId, 3);
			due.set(cardId, { at: t + DAY, interval: 1 });
		}
		if (batch.length) batches.push(batch);
	}
	return batches;
}
