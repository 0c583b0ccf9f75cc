// sim/RESULTS.md and its SVG charts, from the summaries: plain strings, no I/O.
import type { RoleSummary, VariantSummary } from './simulation';
import type { Spread } from './stats';

const COLOURS = ['#888888', '#d97706', '#2563eb', '#059669', '#7c3aed', '#dc2626'];

const fmt = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
const band = (s: Spread, digits = 1, scale = 1) =>
	s.median === null
		? '—'
		: `${fmt(s.median * scale, digits)} (${fmt(s.p10! * scale, digits)}–${fmt(s.p90! * scale, digits)})`;

export interface CreditVerdict {
	transfer: number;
	reviewMinutesSaved: number;
	retentionLostPoints: number;
}

/** Credit on vs off at each transfer strength: share of review minutes saved, retention points lost. */
export function creditVerdicts(role: RoleSummary): CreditVerdict[] {
	const find = (credit: boolean, transfer: number) =>
		role.variants.find(
			(v) =>
				v.variant.policy === 'gapwise' &&
				v.variant.peak === null &&
				v.variant.credit === credit &&
				v.variant.transfer === transfer
		);
	const transfers = [...new Set(role.variants.map((v) => v.variant.transfer))].sort();
	return transfers.flatMap((transfer) => {
		const off = find(false, transfer);
		const on = find(true, transfer);
		if (!off || !on || off.meanReviewMinutesPerDay === 0) return [];
		return [
			{
				transfer,
				reviewMinutesSaved: 1 - on.meanReviewMinutesPerDay / off.meanReviewMinutesPerDay,
				retentionLostPoints: 100 * (off.meanRetention180 - on.meanRetention180)
			}
		];
	});
}

function row(v: VariantSummary): string {
	return [
		v.variant.name,
		`${Math.round(100 * v.reachedShare)} %`,
		band(v.daysToTarget, 0),
		band(v.reviewMinutesPerDay, 2),
		band(v.newMinutesPerDay, 2),
		band(v.retention90, 1, 100),
		band(v.retention180, 1, 100),
		band(v.overBudgetShare, 1, 100),
		lastReadiness(v)
	].join(' | ');
}

function lastReadiness(v: VariantSummary): string {
	const last = v.readiness.at(-1);
	if (!last) return '—';
	const pct = (x: number) => (100 * x).toFixed(0);
	return `${pct(last.median)} (${pct(last.p10)}–${pct(last.p90)})`;
}

/** Date mode on (each level) against the same schedule with it off. */
function dateModeRows(role: RoleSummary): string[] {
	const off = role.variants.find(
		(v) =>
			v.variant.policy === 'gapwise' &&
			!v.variant.credit &&
			v.variant.transfer === 0 &&
			v.variant.peak === null
	);
	if (!off) return [];
	const rows = [off, ...role.variants.filter((v) => v.variant.peak !== null)];
	return rows.map((v) => {
		const extra = v.meanReviewMinutesToDate - off.meanReviewMinutesToDate;
		const share = off.meanReviewMinutesToDate ? extra / off.meanReviewMinutesToDate : 0;
		return `| ${v.variant.peak === null ? 'off' : `on, level ${v.variant.peak}`} | ${band(v.dateShare, 1, 100)} | ${(100 * v.meanDateShare).toFixed(1)} | ${v.meanReviewMinutesToDate.toFixed(0)} | ${v === off ? '—' : `${extra >= 0 ? '+' : ''}${extra.toFixed(1)} (${(100 * share).toFixed(1)} %)`} |`;
	});
}

export function readinessSvg(role: RoleSummary, names: readonly string[]): string {
	const width = 640;
	const height = 320;
	const pad = { left: 44, right: 12, top: 16, bottom: 36 };
	const variants = role.variants.filter((v) => names.includes(v.variant.name));
	const lastDay = Math.max(1, ...variants.flatMap((v) => v.readiness.map((p) => p.day)));
	const x = (day: number) => pad.left + ((width - pad.left - pad.right) * day) / lastDay;
	const y = (r: number) => pad.top + (height - pad.top - pad.bottom) * (1 - r);
	const lines = variants.map((v, i) => {
		const points = v.readiness.map((p) => `${x(p.day).toFixed(1)},${y(p.median).toFixed(1)}`);
		const colour = COLOURS[i % COLOURS.length];
		return `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.join(' ')}"/><text x="${pad.left + 8}" y="${pad.top + 14 + 14 * i}" fill="${colour}" font-size="12">${v.variant.name}</text>`;
	});
	const ticks = [0, 0.25, 0.5, 0.75, 1].map(
		(r) =>
			`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(r)}" y2="${y(r)}" stroke="#ddd"/><text x="${pad.left - 6}" y="${y(r) + 4}" text-anchor="end" font-size="11">${Math.round(r * 100)} %</text>`
	);
	const days = [0, 30, 60, 90, 120, 150, 180]
		.filter((d) => d <= lastDay)
		.map(
			(d) => `<text x="${x(d)}" y="${height - 16}" text-anchor="middle" font-size="11">${d}</text>`
		);
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="Median true readiness over days, ${role.roleId}">`,
		`<rect width="${width}" height="${height}" fill="#fff"/>`,
		...ticks,
		...days,
		`<text x="${width / 2}" y="${height - 2}" text-anchor="middle" font-size="11">day</text>`,
		...lines,
		'</svg>'
	].join('\n');
}

/** Whether the target is reachable in the horizon at all, in one paragraph. */
function reach(role: RoleSummary, horizon: number): string {
	const f = role.feasibility;
	const reached = Math.max(...role.variants.map((v) => v.reachedShare));
	const hours = (s: Spread) => band(s, 0);
	return [
		`Reachable in ${horizon} days? A learner's budget and missed days give at most ${hours(f.availableHours)} hours in ${horizon} days, every studied minute spent reading.`,
		`The must skills' own missing levels — all the target test asks to be read — take ${hours(f.mustHours)} hours of material, so ${(100 * f.coveredShare).toFixed(0)} % of learners could reach the target at all;`,
		`everything the role requires, prerequisites included (what Gapwise's plan reads), takes ${hours(f.gapHours)} hours.`,
		`The best variant brings ${(100 * reached).toFixed(0)} % of learners to the target, so compare the policies on readiness (last column and chart), reviews and retention.`
	].join(' ');
}

export function resultsMarkdown(
	roles: readonly RoleSummary[],
	meta: {
		seed: number;
		learners: number;
		horizon: number;
		seconds: number;
		cpuSeconds: number;
		dateDay: number;
		threads: number;
		loadBefore: number;
		loadAfter: number;
	},
	chartFile: (roleId: string) => string
): string {
	const out = [
		'# Simulator results',
		'',
		`Generated by \`npm run simulate\` (seed ${meta.seed}, ${meta.learners} learners per role, ${meta.horizon} days, interview date on day ${meta.dateDay}). The run took ${meta.seconds.toFixed(0)} s (${meta.cpuSeconds.toFixed(0)} s of CPU) on ${meta.threads} worker threads; 1-minute load average ${meta.loadBefore.toFixed(2)} at the start, ${meta.loadAfter.toFixed(2)} at the end. Figures are median (10th–90th percentile) over learners; the same learners meet every variant. How the learners and policies are modelled: src/lib/core/sim/README.md.`,
		''
	];
	for (const role of roles) {
		out.push(`## ${role.roleId}`, '', reach(role, meta.horizon), '');
		out.push(
			'| variant | reached target | days to target | review min/day | new-card min/day | true retention day 90 (%) | day 180 (%) | days over budget (%) | true readiness, last day (%) |',
			'|---|---|---|---|---|---|---|---|---|',
			...role.variants.map((v) => `| ${row(v)} |`),
			''
		);
		out.push('Credit through prerequisites, on vs off (means over learners):', '');
		out.push(
			'| true transfer | review minutes saved | retention lost (points, day 180) | ships by the rule? |',
			'|---|---|---|---|'
		);
		for (const c of creditVerdicts(role)) {
			const ok = c.reviewMinutesSaved >= 0.15 && c.retentionLostPoints <= 1;
			out.push(
				`| ${c.transfer} | ${(100 * c.reviewMinutesSaved).toFixed(1)} % | ${c.retentionLostPoints.toFixed(2)} | ${c.transfer === 0.25 ? (ok ? 'yes' : 'no') : '—'} |`
			);
		}
		out.push(
			'',
			`Interview-date mode, on vs off (gapwise, credit off, transfer 0; date = day ${meta.dateDay}):`,
			'',
			'| date mode | target cards truly recalled ≥ 0.9 on the date (%) | mean (%) | review minutes before the date (mean per learner) | extra review minutes vs off |',
			'|---|---|---|---|---|',
			...dateModeRows(role)
		);
		out.push(
			'',
			`![Median true readiness over time, ${role.roleId}](${chartFile(role.roleId)})`,
			''
		);
	}
	return out.join('\n');
}
