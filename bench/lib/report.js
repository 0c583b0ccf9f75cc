// Turns bench/results.json into the Markdown table the README links to.
const met = (ok) => (ok === undefined ? '—' : ok ? '✅ met' : '❌ missed');

// Issue 16's targets for review sync.
const REVIEW_BUDGETS = {
	1: { text: 'p50 ≤ 3 ms', met: (s) => s.latencyMs.median <= 3 && s.errors === 0 },
	10: {
		text: 'p95 ≤ 10 ms, ≥ 800 req/s',
		met: (s) => s.latencyMs.p95 <= 10 && s.throughputRps.median >= 800 && s.errors === 0
	},
	50: { text: '≥ 800 req/s, 0 errors', met: (s) => s.throughputRps.median >= 800 && s.errors === 0 }
};

export function writeReport(r) {
	const rows = [];
	const add = (what, value, budget, ok) =>
		rows.push(`| ${what} | ${value} | ${budget} | ${met(ok)} |`);

	for (const c of ['1', '10', '50']) {
		const s = r.reviewSync?.[c];
		const d = r.directSync?.[c];
		if (!s) continue;
		const ratio = d ? s.latencyMs.median / d.latencyMs.median : NaN;
		const budget = REVIEW_BUDGETS[c];
		add(
			`Review sync, ${c} concurrent learners (POST /api/reviews)`,
			`median ${s.latencyMs.median} ms, p95 ${s.latencyMs.p95} ms, ${s.throughputRps.median} req/s, ${s.errors} errors; server CPU ${s.serverCpuMsPerRequest ?? '?'} ms/request`,
			budget.text,
			budget.met(s)
		);
		add(
			`Same DB work direct (@libsql/client), ${c} concurrent`,
			`median ${d?.latencyMs.median} ms, p95 ${d?.latencyMs.p95} ms, ${d?.throughputRps} tx/s; app overhead ×${ratio.toFixed(2)}`,
			c === '10' ? 'overhead ≤ ×3' : '',
			c === '10' ? ratio <= 3 : undefined
		);
	}
	for (const q of r.queue ?? []) {
		add(
			`Today's queue query, ${q.cardStates.toLocaleString('en')} card states`,
			`due-cards query median ${q.median} ms, p95 ${q.p95} ms (${q.dueCards} due of the learner's ${q.load?.scheduledCards} cards); per-day load query median ${q.load?.median} ms, p95 ${q.load?.p95} ms; whole queue service (both, new cards, streak, HTML, previews) median ${q.service?.median} ms, p95 ${q.service?.p95} ms`,
			'whole service ≤ 5 ms, flat',
			q.service ? q.service.median <= 5 : undefined
		);
	}
	if (r.history) {
		const h = r.history;
		for (const [path, t] of Object.entries(h.pages)) {
			const target = path === '/api/queue' ? 10 : path === '/api/export' ? undefined : 30;
			add(
				`${path}, learner with ${h.days} days of history (${h.reviews.toLocaleString('en')} reviews) vs a new learner`,
				`median ${Math.round(t.history * 10) / 10} ms vs ${Math.round(t.new * 10) / 10} ms`,
				target ? `≤ ${target} ms` : '',
				target ? t.history <= target : undefined
			);
		}
	}
	if (r.plan)
		add(
			`Plan the full graph for the largest role (${r.plan.role}, ${r.plan.items} items)`,
			`median ${r.plan.median} ms, p95 ${r.plan.p95} ms`,
			'≤ 20 ms',
			r.plan.p95 <= 20
		);
	for (const [path, w] of Object.entries(r.pageWeight ?? {})) {
		add(
			`First-visit weight ${path}`,
			`JS ${w.jsGzipKB} KB, CSS ${w.cssGzipKB} KB (gzip)`,
			path === '/review' ? 'JS + CSS ≤ 45 KB' : '',
			path === '/review' ? w.jsGzipKB + w.cssGzipKB <= 45 : undefined
		);
	}
	if (r.paint) {
		const g = r.paint.gradeToNextCardMs;
		add(
			'Grade tap → next card painted (phone, 4× CPU slowdown)',
			`median ${g.median} ms, p95 ${g.p95} ms (n=${g.n})`,
			'median ≤ 16.7 ms, p95 ≤ 33 ms',
			g.n > 0 && g.median <= 16.7 && g.p95 <= 33
		);
		const i = r.paint.gradeInteractionMs;
		if (i)
			add(
				'Grade tap interaction duration, Event Timing (phone, 4× CPU)',
				`median ${i.median} ms, p95 ${i.p95} ms; ${i.over16} of ${i.n} taps over 16 ms (below 16 ms the API reports nothing: counted as 16)`,
				'',
				undefined
			);
	}
	for (const [path, l] of Object.entries(r.lcp ?? {}))
		add(
			`LCP ${path} (phone, 4× CPU)`,
			`median ${Math.round(l.lcpMs.median)} ms`,
			path === '/review' ? '≤ 1,000 ms' : '',
			path === '/review' ? l.lcpMs.median <= 1000 : undefined
		);
	for (const [path, l] of Object.entries(r.lighthouse ?? {})) {
		add(
			`Lighthouse mobile ${path}`,
			`performance ${l.performance}${l.runs?.length > 1 ? ` (median of ${l.runs.join(', ')})` : ''}, accessibility ${l.accessibility}, best practices ${l.bestPractices}`,
			'≥ 98 / 100 / 100',
			l.performance >= 98 && l.accessibility === 100 && l.bestPractices === 100
		);
	}
	const m = r.machine;
	return [
		'# Gapwise benchmark results',
		'',
		`Machine: ${m.cores} cores (${m.cpu}), Node ${m.node}; run ${m.date}${m.loadAverage ? `, load average ${m.loadAverage.join(' / ')} at the start` : ''}. Reproduce with \`npm run bench\`.`,
		'Each figure is the median and p95 over repeated runs (see bench/results.json for every number).',
		'',
		'| measure | result | budget | status |',
		'| --- | --- | --- | --- |',
		...rows,
		''
	].join('\n');
}
