// GET /api/queue: everything a phone needs to run today's session offline — the cards with
// their rendered HTML, what each rating would give, the card's FSRS state and the scheduler's
// settings (for intervals after ratings made offline), and the learner's day.
import type { Database } from '$lib/server/db';
import { getDeckCard, getGraph } from '$lib/server/content';
import { buildQueue } from '$lib/core/queue';
import { todayCounts } from '$lib/core/today-counts';
import { retrievability } from '$lib/core/mastery';
import { noNewCardsNote } from '$lib/core/no-new-cards';
import {
	catchUpBudget,
	dayKeyOf,
	dueForecast,
	learnerDay,
	type Workload
} from '$lib/core/scheduling';
import { memoryJson } from './json';
import { newCardsThisMinute } from './new-cards';
import { previewRatings } from './previews';
import { schedulerFor } from './scheduler';
import { getReviewSettings } from './settings';
import { currentStreak } from './stats';
import { firstSince, fromLog, learnerLog } from './log-cache';
import type { QueueCardJson, QueueJson } from './queue-json';
import { dueCountsByDay, dueList, personalCards, scheduleOf, statesOf } from './queue-reads';
import { memoryOf } from './store';

export type { QueueCardJson, QueueJson } from './queue-json';

const HISTORY_DAYS = 30;
/** A device keeps synced reviews for two days: the queue names the reviews it knows that far back. */
const KNOWN_REVIEWS_MS = 2 * 86_400_000;

/**
 * `previews: false` leaves out what each rating would do (four FSRS passes per card, the
 * queue's largest cost) for pages that only count the queue; such cards carry no previews.
 */
export async function getQueue(
	db: Database,
	userId: string,
	now: Date,
	{ previews = true }: { previews?: boolean } = {}
): Promise<QueueJson> {
	const settings = await getReviewSettings(db, userId);
	const scheduler = schedulerFor(settings);
	const { timezone, dayStartHour } = settings;
	const day = learnerDay(now, timezone, dayStartHour);

	// Today's due cards, through the (user_id, due) index, with only what ranks them by risk;
	// the full state is read below for the cards that make today's session.
	const due = (await dueList(db, userId, day.end))
		.filter((c) => !c.buriedUntil || c.buriedUntil.getTime() <= now.getTime())
		.map((c) => ({
			cardId: c.cardId,
			due: c.due,
			retrievability: retrievability(c, now, scheduler.w)
		}));
	const schedule = await scheduleOf(db, userId);

	// The last 30 days of the log, from the copy kept in memory (log-cache.ts), not the database.
	const log = await learnerLog(db, userId);
	const recent = log
		.slice(firstSince(log, new Date(day.start.getTime() - HISTORY_DAYS * 86_400_000)))
		.filter((r) => r.reviewedAt < day.end);
	const today = recent.filter((r) => r.reviewedAt >= day.start).length;
	const activeDays = fromLog(
		log,
		`active days|${day.key}|${timezone}|${dayStartHour}`,
		() =>
			new Set(
				recent
					.filter((r) => r.reviewedAt < day.start)
					.map((r) => dayKeyOf(r.reviewedAt, timezone, dayStartHour))
			)
	);
	const usual = activeDays.size ? (recent.length - today) / activeDays.size : 0;

	const fresh = await newCardsThisMinute(db, userId, now);
	const queue = buildQueue({
		due,
		newCardIds: fresh.cards.map((c) => c.id),
		newLimit: fresh.cards.length,
		budget: catchUpBudget(usual)
	});

	// Due counts per learner day, so the grade buttons show the load-balanced interval.
	const load = await dueCountsByDay(db, userId, timezone, dayStartHour);
	const byId = await statesOf(
		db,
		userId,
		queue.entries.filter((e) => !e.isNew).map((e) => e.cardId)
	);
	const personal = await personalCards(
		db,
		userId,
		queue.entries.map((e) => e.cardId).filter((id) => id.startsWith('pc_'))
	);
	const graph = getGraph();
	const cards: QueueCardJson[] = [];
	for (const entry of queue.entries) {
		const own = personal.get(entry.cardId);
		const deck = own ? undefined : await getDeckCard(entry.cardId);
		const content = own ?? deck;
		if (!content) continue; // a card deleted since it was scheduled
		const state = byId.get(entry.cardId);
		const memory = state && state.state !== 0 ? state : null;
		const ownDay = memory ? dayKeyOf(memory.due, timezone, dayStartHour) : null;
		const workload: Workload = {
			timezone,
			dayStartHour,
			lightDays: settings.lightDays,
			dueOn: (key) => (load.get(key) ?? 0) - (key === ownDay ? 1 : 0)
		};
		cards.push({
			id: entry.cardId,
			skillId: content.skillId,
			skillName: graph.skillById.get(content.skillId)?.name ?? content.skillId,
			level: content.level,
			kind: content.kind,
			front: content.frontHtml,
			back: content.backHtml,
			isNew: entry.isNew,
			personal: Boolean(own),
			retrievability: entry.retrievability,
			lapses: memory?.lapses ?? 0,
			...(own ? {} : { resourcesUrl: `/skills/${encodeURIComponent(content.skillId)}` }),
			due: memory ? memory.due.toISOString() : null,
			state: memory ? memoryJson(memory) : null,
			previews: previews
				? previewRatings(scheduler, entry.cardId, memory, now, { dayEnd: day.end, workload })
				: []
		});
	}

	// Only tomorrow's count is sent: cards due after tomorrow cannot change it.
	const tomorrowEnd = learnerDay(day.end, timezone, dayStartHour).end;
	const forecast = dueForecast(
		schedule
			.filter((c) => c.due.getTime() < tomorrowEnd.getTime())
			.map((c) => ({
				cardId: '',
				skillId: '',
				level: 0,
				suspended: false,
				buriedUntil: c.buriedUntil,
				memory: memoryOf(c)
			})),
		{ now, timezone, dayStartHour },
		2
	);
	const known = now.getTime() - KNOWN_REVIEWS_MS;
	const facts = {
		generatedAt: now.toISOString(),
		dayStart: day.start.toISOString(),
		dayEnd: day.end.toISOString(),
		tomorrowEnd: tomorrowEnd.toISOString(),
		doneToday: today,
		streak: await currentStreak(db, userId, now),
		tomorrow: forecast[1] ?? 0,
		reviewIds: recent.filter((r) => r.reviewedAt.getTime() >= known).map((r) => r.id),
		cards
	};
	// The same counting as every page that shows them, with nothing waiting on a device.
	const counted = todayCounts({ ...facts, deferred: queue.deferred }, [], now.getTime());
	return {
		...facts,
		day: day.key,
		timezone,
		newToday: fresh.startedToday,
		newLimit: fresh.limit,
		counts: { due: counted.due, new: counted.fresh, deferred: queue.deferred },
		later: counted.later.length,
		nextDue: counted.nextAt,
		catchUp: queue.catchUp,
		// A backlog holds back the day's new cards (buildQueue); otherwise the reason is fresh's.
		noNewCards: queue.entries.some((e) => e.isNew)
			? null
			: queue.catchUp && fresh.cards.length > 0
				? noNewCardsNote({ kind: 'backlog', days: queue.catchUp.perDay.length })
				: fresh.note,
		scheduler: {
			desiredRetention: settings.desiredRetention,
			maximumInterval: settings.maximumInterval,
			learningSteps: settings.learningSteps,
			relearningSteps: settings.relearningSteps,
			w: [...scheduler.w],
			enableFuzz: true,
			fuzzSeed: '${cardId}:${reviewNumber}'
		}
	};
}
