// The learner's readiness forecast: their plan, gap, FSRS parameters and recent study days,
// handed to the forecast core (src/lib/core/forecast).
import type { Queryable } from '$lib/server/assessments/store';
import { firstSince, learnerLog } from '$lib/server/reviews/log-cache';
import { ensurePlan, finishedMap, planInputFor } from '$lib/server/plan/stored';
import { reviewWorkload } from '$lib/server/plan/workload';
import { getReviewSettings } from '$lib/server/reviews/settings';
import { getActiveTarget } from '$lib/server/targets/store';
import { addDays } from '$lib/core/plan/dates';
import { dayKeyOf, learnerDay } from '$lib/core/scheduling/day';
import { perLearner } from '$lib/server/db/learner-cache';
import {
	forecast,
	missedDayRate,
	whatMovesTheDate,
	type Forecast,
	type ForecastInput
} from '$lib/core/forecast';
import { MISSED_DAY_WINDOW } from '$lib/core/forecast/missed-days';
import { generatorParameters } from 'ts-fsrs';

/** Without a target date the forecast looks this far ahead. */
export const DEFAULT_HORIZON_DAYS = 90;
const DAY_MS = 86_400_000;

export interface ForecastView extends Forecast {
	/** The last day forecast: the target date, or 90 days out without one (or once it passed). */
	horizonEnd: string;
	targetDate: string | null;
	/** One sentence on what would move the date. */
	lever: string;
}

/** The learner's calendar days with a review lately, and the day of their first review. */
async function studiedDays(
	db: Queryable,
	userId: string,
	now: Date,
	timeZone: string,
	dayStartHour: number
) {
	const since = new Date(now.getTime() - (MISSED_DAY_WINDOW + 2) * DAY_MS);
	const log = await learnerLog(db, userId);
	const recent = log.slice(firstSince(log, since));
	// The same learner days as the streak and the heatmap on /stats.
	const day = (at: Date) => dayKeyOf(at, timeZone, dayStartHour);
	return {
		days: new Set(recent.map((r) => day(r.reviewedAt))),
		first: log[0] ? day(log[0].reviewedAt) : null
	};
}

/**
 * The forecast for the active target's plan; null without an active target. A forecast of
 * days, and a costly one (it plans the study again for each lever it weighs): worked out once
 * per learner day, and again whenever anything of the learner's changes (learner-cache.ts).
 */
export async function loadForecast(
	db: Queryable,
	userId: string,
	now: Date
): Promise<ForecastView | null> {
	const { timezone, dayStartHour } = await getReviewSettings(db, userId);
	const day = learnerDay(now, timezone, dayStartHour).key;
	return perLearner(db, userId, `forecast|${day}`, () => computeForecast(db, userId, now));
}

async function computeForecast(
	db: Queryable,
	userId: string,
	now: Date
): Promise<ForecastView | null> {
	const ensured = await ensurePlan(db, userId, now, {});
	const target = ensured && (await getActiveTarget(db, userId));
	if (!ensured || !target) return null;
	const { gap, plan, progress, today, settings } = ensured;
	const [review, workload] = await Promise.all([
		getReviewSettings(db, userId),
		ensured.workload ?? reviewWorkload(db, userId, now)
	]);
	const studied = await studiedDays(db, userId, now, review.timezone, review.dayStartHour);
	const finished = finishedMap(progress);
	// A target date already passed is no horizon: look 90 days ahead as without one.
	const targetDate =
		settings.targetDate && settings.targetDate > today ? settings.targetDate : null;
	const horizonEnd = targetDate ?? addDays(today, DEFAULT_HORIZON_DAYS);
	const input: ForecastInput = {
		today,
		horizonEnd,
		entries: gap.entries,
		steps: plan.items.filter((i) => !finished.has(i.key)),
		memory: {
			parameters: review.params ?? generatorParameters().w,
			optimised: review.params !== null,
			desiredRetention: review.desiredRetention,
			missedDayRate: missedDayRate(studied.days, studied.first, settings.studyDays, today)
		}
	};
	const lever = whatMovesTheDate({
		planInput: planInputFor(gap, settings, progress, workload, today),
		plan,
		forecast: input,
		targetSkills: target.skills,
		targetDate
	});
	return { ...forecast(input), horizonEnd, targetDate, lever };
}
