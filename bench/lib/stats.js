export function quantile(sorted, q) {
	if (sorted.length === 0) return NaN;
	const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
	return sorted[i];
}

/** Median and p95 of a list of numbers (ms). */
export function summary(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return {
		median: round(quantile(sorted, 0.5)),
		p95: round(quantile(sorted, 0.95)),
		n: sorted.length
	};
}

export function round(x, digits = 3) {
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}
