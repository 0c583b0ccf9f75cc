import { describe, expect, it } from 'vitest';
import type { ForecastView } from '$lib/server/forecast';
import { forecastChart } from './forecast-chart.server';

const view: ForecastView = {
	today: { readiness: 0.4 },
	points: [
		{ date: '2026-03-02', readiness: 0.4, low: 0.4, high: 0.4 },
		{ date: '2026-03-09', readiness: 0.5, low: 0.45, high: 0.6 },
		{ date: '2026-03-12', readiness: 0.9, low: 0.6, high: 0.95 }
	],
	reachesTarget: '2026-03-11',
	horizonEnd: '2026-03-12',
	targetDate: '2026-03-12',
	lever: 'With 20 more minutes a day you would reach it on Mon 9 Mar 2026, 2 days sooner.'
};

describe('forecastChart', () => {
	it('draws the line, a closed band and the two dates across the whole width', () => {
		const chart = forecastChart(view);
		expect(chart.line).toBe('M0,240 L700,200 L1000,40');
		// High edge forwards, low edge backwards, closed.
		expect(chart.band).toBe('M0,240 L700,160 L1000,20 L1000,160 L700,220 L0,240 Z');
		expect(chart.targetX).toBe(1000);
		expect(chart.readyX).toBe(900);
		expect(chart.ticks.map((t) => t.label)).toEqual(['Today', 'Sat 7 Mar', 'Thu 12 Mar']);
	});

	it('says the same in words: summary, label and one table row per point', () => {
		const chart = forecastChart(view);
		expect(chart.summary).toContain('Wed 11 Mar 2026');
		expect(chart.label).toBe(
			'Readiness forecast: 40 % today, 90 % expected on Thu 12 Mar 2026 (likely 60 % to 95 %).'
		);
		expect(chart.rows.map((r) => [r.readiness, r.range])).toEqual([
			['40 %', '40 %'],
			['50 %', '45 %–60 %'],
			['90 %', '60 %–95 %']
		]);
		const missed = forecastChart({ ...view, reachesTarget: null });
		expect(missed.readyX).toBeNull();
		expect(missed.summary).toContain('by your date (Thu 12 Mar 2026)');
	});

	it('labels a long horizon by month and year', () => {
		const long = forecastChart({
			...view,
			points: [view.points[0]!, { ...view.points[2]!, date: '2028-03-02' }],
			horizonEnd: '2028-03-02',
			targetDate: null,
			reachesTarget: null
		});
		expect(long.ticks.map((t) => t.label)).toEqual(['Today', 'Mar 2027', 'Mar 2028']);
		expect(long.summary).toContain('Thu 2 Mar 2028, 731 days from now');
	});
});
