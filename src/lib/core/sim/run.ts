// One learner under one policy, day by day: due reviews (the app's queue order and catch-up),
// then new cards while they still fit the day's budget, then reading the plan's steps.
import { stepKey } from '../plan/steps';
import { buildQueue } from '../queue';
import { catchUpBudget } from '../scheduling/catch-up';
import { creditFraction, mergeCredits, weakestCards } from '../scheduling/credit';
import { peakInterval } from '../scheduling/peak-date';
import { DEFAULT_REVIEW_SETTINGS } from '../scheduling/settings';
import { default_w } from 'ts-fsrs';
import { EXTRA_STEPS, NEW_CARD_MAX_SECONDS, SECONDS, firstRating, reviewRating } from './answer';
import type { SimLearner } from './learner';
import { TRUE_RETENTION_BAR, measure, type Snapshot } from './measure';
import { DayModel, type DayMemory } from './memory';
import type { PolicyPlan } from './policy';
import type { Random } from './random';
import type { SimWorld } from './world';

export interface RunOptions {
	horizon: number;
	/** Readiness is measured every this many days (and on the last). */
	measureEvery: number;
	credit: boolean;
	/** How much a pass of an advanced card truly strengthens its prerequisites (0–1). */
	transfer: number;
	/** Interview-date mode: the date (a day index) and the recall level; null when off. */
	peak?: { day: number; level: number } | null;
	/** The day whose true recall of target cards is reported (the interview date). */
	dateDay: number;
	/** Called for every card event, for tests. */
	trace?: (event: TraceEvent) => void;
}

export interface TraceEvent {
	day: number;
	kind: 'new' | 'review' | 'day';
	cardId?: string;
	budgetSeconds?: number;
	reviewSeconds?: number;
	/** Seconds the policy chose to spend: new cards and reading. */
	chosenSeconds?: number;
}

export interface SimCard {
	id: string;
	skillId: string;
	level: number;
	born: number;
	truth: DayMemory;
	belief: DayMemory;
	due: number;
}

export interface RunResult {
	reachedDay: number | null;
	snapshots: Snapshot[];
	reviewMinutesPerDay: number;
	newMinutesPerDay: number;
	overBudgetShare: number;
	retention90: number | null;
	retention180: number | null;
	cardsStudied: number;
	/** Share of the target skills' studied cards truly recalled ≥ 0.9 on the date. */
	dateShare: number | null;
	/** Review minutes before the date, in total. */
	reviewMinutesToDate: number;
}

const BELIEF = new DayModel(
	default_w,
	DEFAULT_REVIEW_SETTINGS.desiredRetention,
	DEFAULT_REVIEW_SETTINGS.maximumInterval
);
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 5);

export function simulate(
	world: SimWorld,
	learner: SimLearner,
	plan: PolicyPlan,
	random: Random,
	options: RunOptions
): RunResult {
	const truthModel = new DayModel(learner.w);
	const trueLevels = new Map(learner.trueLevels);
	const cards = new Map<string, SimCard>();
	// The same cards in the order they were introduced (the Map's own order), for the daily scan.
	const introducedCards: SimCard[] = [];
	const left = plan.steps.map((s) => s.minutes * 60);
	const supply = cardSupply(world, plan);
	let startedSteps = 0;
	let cursor = 0;
	let usualDaily = 0;
	let studiedDays = 0;
	let overDays = 0;
	let reviewTotal = 0;
	let newTotal = 0;
	const snapshots: Snapshot[] = [];
	let reachedDay: number | null = null;
	const retention: Record<number, number | null> = {};

	let dateShare: number | null = null;
	let reviewToDate = 0;
	const trueRetrievability = (c: SimCard, day: number) => truthModel.retrievability(c.truth, day);
	const peak = options.peak ?? null;
	/** The scheduler's next due day for a card last reviewed on `from`. */
	const nextDue = (card: Pick<SimCard, 'skillId' | 'belief'>, from: number) => {
		const interval = BELIEF.interval(card.belief);
		if (!peak || !world.targetSkills.has(card.skillId)) return from + interval;
		const stability = card.belief.stability;
		return from + peakInterval(BELIEF.w, stability, interval, peak.day - from, peak.level);
	};
	const read = (c: { skillId: string; level: number }) =>
		(trueLevels.get(c.skillId) ?? 0) >= c.level;

	for (let day = 0; day < options.horizon; day++) {
		if (day === options.dateDay) dateShare = recalledShare(introducedCards, world, day, truthModel);
		const budget = learner.minutesPerDay * 60;
		const credits = new Map<string, number>();
		const transfers = new Map<string, number>();
		let reviewSeconds = 0;
		let chosenSeconds = 0;
		if (!random.chance(learner.missRate)) {
			studiedDays++;
			const due: SimCard[] = [];
			for (const c of introducedCards) if (c.due <= day) due.push(c);
			const queue = buildQueue({
				due: due.map((c) => ({
					cardId: c.id,
					retrievability: BELIEF.retrievability(c.belief, day),
					due: new Date(EPOCH + c.due * DAY_MS)
				})),
				newCardIds: [],
				newLimit: 0,
				budget: catchUpBudget(usualDaily)
			});
			usualDaily = 0.9 * usualDaily + 0.1 * queue.entries.length;
			for (const entry of queue.entries) {
				const card = cards.get(entry.cardId)!;
				options.trace?.({ day, kind: 'review', cardId: card.id });
				const rating = reviewRating(random, trueRetrievability(card, day));
				reviewSeconds += SECONDS[rating];
				card.truth = truthModel.review(card.truth, day, rating);
				card.belief = BELIEF.review(card.belief, day, rating);
				if (rating === 1) {
					// The relearning step (10m) the same day.
					reviewSeconds += SECONDS[3];
					card.truth = truthModel.review(card.truth, day, 3);
					card.belief = BELIEF.review(card.belief, day, 3);
				}
				card.due = nextDue(card, day);
				const key = stepKey(card.skillId, card.level);
				if (rating >= 3) {
					for (const link of world.credits.get(key) ?? []) {
						mergeCredits(transfers, link.cardIds, creditFraction(link.distance, options.transfer));
						if (options.credit) mergeCredits(credits, link.cardIds, creditFraction(link.distance));
					}
				} else if (rating === 1 && options.credit) {
					const prerequisites = (world.prerequisiteCards.get(key) ?? [])
						.map((id) => cards.get(id))
						.filter((c): c is SimCard => c !== undefined && c.due > day + 1)
						.map((c) => ({ card: c, retrievability: BELIEF.retrievability(c.belief, day) }));
					for (const weak of weakestCards(prerequisites)) weak.card.due = day + 1;
				}
			}
			reviewTotal += reviewSeconds;
			if (day < options.dateDay) reviewToDate += reviewSeconds;
			if (reviewSeconds > budget) overDays++;
			let remaining = Math.max(0, budget - reviewSeconds);

			let introduced = 0;
			// The app offers the cards of the steps under way plus the next step's.
			const open = plan.cardsFollowReading ? startedSteps + 1 : plan.steps.length;
			while (introduced < plan.pace && remaining >= NEW_CARD_MAX_SECONDS) {
				const next = supply[cursor];
				if (!next || next.step >= open) break;
				cursor++;
				const info = world.cardById.get(next.id)!;
				options.trace?.({ day, kind: 'new', cardId: next.id });
				const first = firstRating(random, read(info));
				let truth = truthModel.review(null, day, first);
				let belief = BELIEF.review(null, day, first);
				for (let i = 0; i < EXTRA_STEPS[first]; i++) {
					truth = truthModel.review(truth, day, 3);
					belief = BELIEF.review(belief, day, 3);
				}
				const cost = SECONDS[first] + EXTRA_STEPS[first] * SECONDS[3];
				const card: SimCard = {
					id: next.id,
					skillId: info.skillId,
					level: info.level,
					born: day,
					truth,
					belief,
					due: 0
				};
				card.due = nextDue(card, day);
				cards.set(card.id, card);
				introducedCards.push(card);
				introduced++;
				remaining -= cost;
				chosenSeconds += cost;
				newTotal += cost;
			}

			for (let i = 0; i < plan.steps.length && remaining > 0; i++) {
				if (left[i]! <= 0) continue;
				// Steps are read in order, so the ones started form a prefix.
				startedSteps = Math.max(startedSteps, i + 1);
				const spent = Math.min(remaining, left[i]!);
				left[i]! -= spent;
				remaining -= spent;
				chosenSeconds += spent;
				const step = plan.steps[i]!;
				if (left[i]! <= 0 && (trueLevels.get(step.skillId) ?? 0) < step.level)
					trueLevels.set(step.skillId, step.level);
			}
		}
		options.trace?.({ day, kind: 'day', budgetSeconds: budget, reviewSeconds, chosenSeconds });
		applyCredits(cards, transfers, day, (c, f) => (c.truth = truthModel.credit(c.truth, day, f)));
		applyCredits(cards, credits, day, (c, f) => {
			c.belief = BELIEF.credit(c.belief, day, f);
			c.due = Math.max(c.due, nextDue(c, c.belief.lastDay));
		});

		if (day === 89 || day === 179)
			retention[day + 1] = meanRetention(cards, trueRetrievability, day);
		if ((day + 1) % options.measureEvery === 0 || day === options.horizon - 1) {
			const snapshot = measure(world, learner, trueLevels, cards, truthModel, day);
			snapshots.push(snapshot);
			if (reachedDay === null && snapshot.targetMet) reachedDay = day + 1;
		}
	}
	return {
		reachedDay,
		snapshots,
		reviewMinutesPerDay: studiedDays ? reviewTotal / 60 / studiedDays : 0,
		newMinutesPerDay: studiedDays ? newTotal / 60 / studiedDays : 0,
		overBudgetShare: studiedDays ? overDays / studiedDays : 0,
		retention90: retention[90] ?? null,
		retention180: retention[180] ?? null,
		cardsStudied: cards.size,
		dateShare,
		reviewMinutesToDate: reviewToDate / 60
	};
}

/** Credit and transfer skip cards reviewed today: the real review already counted. */
function applyCredits(
	cards: Map<string, SimCard>,
	fractions: Map<string, number>,
	day: number,
	apply: (card: SimCard, fraction: number) => void
) {
	for (const [id, fraction] of fractions) {
		const card = cards.get(id);
		if (card && card.truth.lastDay < day) apply(card, fraction);
	}
}

/** Share of the studied target-skill cards truly recalled at the bar on `day`. */
function recalledShare(cards: readonly SimCard[], world: SimWorld, day: number, truth: DayModel) {
	let total = 0;
	let recalled = 0;
	for (const c of cards) {
		if (!world.targetSkills.has(c.skillId)) continue;
		total++;
		if (truth.retrievability(c.truth, day) >= TRUE_RETENTION_BAR) recalled++;
	}
	return total === 0 ? null : recalled / total;
}

function meanRetention(
	cards: Map<string, SimCard>,
	r: (c: SimCard, day: number) => number,
	day: number
): number | null {
	if (cards.size === 0) return null;
	let sum = 0;
	for (const c of cards.values()) sum += r(c, day);
	return sum / cards.size;
}

/** Every step's cards in policy order, each once, tagged with the step that opens it. */
function cardSupply(world: SimWorld, plan: PolicyPlan): { id: string; step: number }[] {
	const seen = new Set<string>();
	const out: { id: string; step: number }[] = [];
	plan.steps.forEach((step, i) => {
		for (const id of world.cardsByStep.get(step.key) ?? []) {
			if (seen.has(id)) continue;
			seen.add(id);
			out.push({ id, step: i });
		}
	});
	return out;
}
