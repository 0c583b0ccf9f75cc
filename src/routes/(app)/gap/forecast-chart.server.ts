// The readiness forecast as drawing instructions for ForecastChart.svelte: paths in a fixed
// 1000 × 400 box stretched to the card (the labels are HTML, so they stay legible at any
// width), and the same figures as table rows for the text alternative.
import { dayNumber, formatDay, isoDate } from '$lib/core/plan/dates';
import type { ForecastView } from '$lib/server/forecast';

const PLOT_W = 1000;
const PLOT_H = 400;

export interface ForecastChart {
	width: number;
	height: number;
	line: string;
	band: string;
	/** x of the target date and of the day the target is reached, when they are drawn. */
	targetX: number | null;
	readyX: number | null;
	ticks: { label: string; align: 'start' | 'middle' | 'end' }[];
	rows: { date: string; day: string; readiness: string; range: string }[];
	summary: string;
	lever: string;
	label: string;
}

const percent = (x: number) => `${Math.round(x * 100)} %`;
const fixed = (x: number) => Math.round(x * 10) / 10;

export function forecastChart(view: ForecastView): ForecastChart {
	const first = dayNumber(view.points[0]!.date);
	const span = Math.max(1, dayNumber(view.horizonEnd) - first);
	const x = (date: string) => fixed(((dayNumber(date) - first) / span) * PLOT_W);
	const y = (r: number) => fixed(PLOT_H - Math.max(0, Math.min(1, r)) * PLOT_H);
	const path = (pts: [number, number][]) =>
		pts.map(([a, b], i) => `${i ? 'L' : 'M'}${a},${b}`).join(' ');
	const line = path(view.points.map((p) => [x(p.date), y(p.readiness)]));
	const band =
		path([
			...view.points.map((p): [number, number] => [x(p.date), y(p.high)]),
			...[...view.points].reverse().map((p): [number, number] => [x(p.date), y(p.low)])
		]) + ' Z';
	// The middle label sits halfway along the axis: the date halfway there.
	const mid = span > 1 ? isoDate(first + Math.round(span / 2)) : null;
	// Over a long horizon the weekday says nothing and the year matters: "Mar 2028".
	const tick = (iso: string) =>
		span > 200 ? formatDay(iso).split(' ').slice(2).join(' ') : formatDay(iso, false);
	const ticks: ForecastChart['ticks'] = [
		{ label: 'Today', align: 'start' },
		...(mid ? [{ label: tick(mid), align: 'middle' as const }] : []),
		{ label: tick(view.horizonEnd), align: 'end' }
	];
	const end = view.targetDate
		? `your date (${formatDay(view.targetDate)})`
		: `${formatDay(view.horizonEnd)}, ${span} days from now`;
	const summary = view.reachesTarget
		? `If you follow the plan, every skill reaches its target level on ${formatDay(view.reachesTarget)}.`
		: `At this pace the plan does not bring every skill to its target level by ${end}.`;
	const last = view.points.at(-1)!;
	return {
		width: PLOT_W,
		height: PLOT_H,
		line,
		band,
		targetX: view.targetDate ? x(view.targetDate) : null,
		readyX: view.reachesTarget ? x(view.reachesTarget) : null,
		ticks,
		rows: view.points.map((p) => ({
			date: p.date,
			day: formatDay(p.date),
			readiness: percent(p.readiness),
			range:
				percent(p.low) === percent(p.high) ? percent(p.low) : `${percent(p.low)}–${percent(p.high)}`
		})),
		summary,
		lever: view.lever,
		label: `Readiness forecast: ${percent(view.today.readiness)} today, ${percent(last.readiness)} expected on ${formatDay(last.date)} (likely ${percent(last.low)} to ${percent(last.high)}).`
	};
}
