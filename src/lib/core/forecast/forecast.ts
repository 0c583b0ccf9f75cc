// Readiness forecast: the gap's readiness (readinessOf) projected along the learner's plan.
//
// A plan step's skill reaches the step's level on the day the step is due to finish; from then
// on the level counts in proportion to the predicted recall of its cards (recall.ts: the
// learner's FSRS parameters, reviews when due, waits from their missed-day rate), so the line
// is the share of target levels the learner is expected to show on that day. Levels held today
// count as /gap counts them now (the evidence cap has judged them), so the first point is
// today's readiness exactly. The target is reached on the first day every entry's planned
// level meets its target and each newly learnt level is recalled at least as well as /gap's
// cap asks (RECALL_THRESHOLD): the day /gap would show it, if the plan is followed.
import { readinessOf } from '../gap';
import { RECALL_THRESHOLD } from '../mastery';
import { dayNumber, isoDate } from '../plan/dates';
import type { PlanSession } from '../plan/types';
import type { GapEntry } from '../types';
import { RecallCurve, scaledParameters } from './recall';

/**
 * Why the band is as wide as it is:
 * - Pace. A step's hours are the content's estimates, not measured on this learner: we allow
 *   HOURS_SPREAD either way. The plan's dates also assume every study day is used; the low
 *   edge stretches them by 1 ÷ (1 − missed-day rate), the expected calendar days per day
 *   actually studied.
 * - Memory. Learners differ most in their initial stabilities (w0–w3): the simulator draws
 *   them log-normally with σ = POPULATION_SPREAD around the defaults, so a learner on default
 *   parameters is one such draw. A personal fit narrows that to FITTED_SPREAD (an assumed
 *   figure: the optimiser reports no standard errors).
 */
export const HOURS_SPREAD = 0.25;
export const POPULATION_SPREAD = 0.35;
export const FITTED_SPREAD = 0.15;
/** Weekly points up to this many; a longer horizon spaces them wider. */
const MAX_WEEKLY_POINTS = 26;

export type ForecastEntry = Pick<GapEntry, 'skillId' | 'target' | 'current' | 'weight'>;

/** What the forecast needs of an unfinished plan step (a PlanItem fits). */
export interface ForecastStep {
	skillId: string;
	fromLevel: number;
	toLevel: number;
	end: string | null;
	sessions: readonly PlanSession[];
}

export interface ForecastMemory {
	/** The learner's FSRS parameters (their fit, else ts-fsrs's defaults). */
	parameters: readonly number[];
	optimised: boolean;
	desiredRetention: number;
	/** Share of study days without a review lately (0–1). */
	missedDayRate: number;
}

export interface ForecastInput {
	/** The learner's date now. */
	today: string;
	/** Last day forecast: the target date, or 90 days out without one. */
	horizonEnd: string;
	entries: readonly ForecastEntry[];
	steps: readonly ForecastStep[];
	memory: ForecastMemory;
}

export interface ForecastPoint {
	date: string;
	readiness: number;
	low: number;
	high: number;
}

export interface Forecast {
	today: { readiness: number };
	points: ForecastPoint[];
	reachesTarget: string | null;
}

interface DatedStep {
	skillId: string;
	fromLevel: number;
	toLevel: number;
	endDay: number;
	/** First-answer day of the step's cards, with the share of the step's cards. */
	cohorts: { day: number; share: number }[];
}

/** One way the future may go: a pace (1 = the plan's dates) and a memory. */
interface Scenario {
	steps: Map<string, DatedStep[]>;
	curve: RecallCurve;
}

function scenario(input: ForecastInput, pace: number, stabilityFactor: number): Scenario {
	const today = dayNumber(input.today);
	const shift = (iso: string) => today + Math.max(1, Math.round((dayNumber(iso) - today) * pace));
	const steps = new Map<string, DatedStep[]>();
	for (const s of input.steps) {
		if (s.end === null) continue;
		const endDay = shift(s.end);
		const minutes = s.sessions.reduce((sum, x) => sum + x.minutes, 0);
		// The step introduces its cards as it is studied: each session's share of the minutes.
		const cohorts =
			minutes > 0
				? s.sessions.map((x) => ({
						day: Math.min(endDay, shift(x.date)),
						share: x.minutes / minutes
					}))
				: [{ day: endDay, share: 1 }];
		const list = steps.get(s.skillId) ?? [];
		list.push({ skillId: s.skillId, fromLevel: s.fromLevel, toLevel: s.toLevel, endDay, cohorts });
		steps.set(s.skillId, list);
	}
	for (const list of steps.values()) list.sort((a, b) => a.toLevel - b.toLevel);
	const { parameters, desiredRetention, missedDayRate } = input.memory;
	const curve = new RecallCurve(
		scaledParameters(parameters, stabilityFactor),
		desiredRetention,
		missedDayRate
	);
	return { steps, curve };
}

const recallOf = (step: DatedStep, day: number, curve: RecallCurve) =>
	step.cohorts.reduce((sum, c) => sum + c.share * curve.at(day - c.day), 0);

/** Levels gained by `day` on top of the entry's current level, each weighed by its recall. */
function projected(entry: ForecastEntry, s: Scenario, day: number) {
	let level = entry.current;
	let reached = entry.current;
	let weakest = 1;
	for (const step of s.steps.get(entry.skillId) ?? []) {
		if (step.toLevel <= reached) continue;
		if (step.endDay > day) break;
		const recall = recallOf(step, day, s.curve);
		level += (step.toLevel - Math.max(step.fromLevel, reached)) * recall;
		reached = step.toLevel;
		weakest = Math.min(weakest, recall);
	}
	return { level: Math.min(entry.target, level), reached, weakest };
}

function readinessOn(input: ForecastInput, s: Scenario, day: number): number {
	return readinessOf(input.entries.map((e) => ({ ...e, current: projected(e, s, day).level })));
}

/** The first day from today to `lastDay` on which the target is reached (see above), or null. */
function reachDay(input: ForecastInput, s: Scenario, lastDay: number): number | null {
	const today = dayNumber(input.today);
	let first = today;
	for (const e of input.entries) {
		if (e.current >= e.target) continue;
		const needed = (s.steps.get(e.skillId) ?? []).find((x) => x.toLevel >= e.target);
		if (!needed) return null;
		first = Math.max(first, needed.endDay);
	}
	for (let day = first; day <= lastDay; day++) {
		const met = input.entries.every((e) => {
			const p = projected(e, s, day);
			return p.reached >= e.target && p.weakest >= RECALL_THRESHOLD;
		});
		if (met) return day;
	}
	return null;
}

/** The date the plan reaches the target, looking no further than `lastDay` (ISO), or null. */
export function reachDate(input: ForecastInput, lastDay: string): string | null {
	const day = reachDay(input, scenario(input, 1, 1), dayNumber(lastDay));
	return day === null ? null : isoDate(day);
}

/** Today, then weekly (wider on a long horizon), then the horizon's last day. */
export function pointDays(today: number, last: number): number[] {
	const span = Math.max(0, last - today);
	const step = 7 * Math.max(1, Math.ceil(span / 7 / MAX_WEEKLY_POINTS));
	const days: number[] = [];
	for (let day = today; day < last; day += step) days.push(day);
	days.push(Math.max(today, last));
	return days;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export function forecast(input: ForecastInput): Forecast {
	const today = dayNumber(input.today);
	const last = Math.max(today, dayNumber(input.horizonEnd));
	const spread = input.memory.optimised ? FITTED_SPREAD : POPULATION_SPREAD;
	const missed = Math.min(0.95, Math.max(0, input.memory.missedDayRate));
	const point = scenario(input, 1, 1);
	const low = scenario(input, (1 + HOURS_SPREAD) / (1 - missed), Math.exp(-spread));
	const high = scenario(input, 1 - HOURS_SPREAD, Math.exp(spread));
	const now = readinessOf(input.entries);
	const points = pointDays(today, last).map((day) => {
		if (day === today)
			return { date: input.today, readiness: round(now), low: round(now), high: round(now) };
		const r = readinessOn(input, point, day);
		// The edges bracket the line by construction; min/max keep rounding from crossing it.
		return {
			date: isoDate(day),
			readiness: round(r),
			low: round(Math.min(r, readinessOn(input, low, day))),
			high: round(Math.max(r, readinessOn(input, high, day)))
		};
	});
	const reached = reachDay(input, point, last);
	return {
		today: { readiness: now },
		points,
		reachesTarget: reached === null ? null : isoDate(reached)
	};
}
