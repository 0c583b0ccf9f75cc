// Median and 10th–90th percentiles, nearest-rank, over finite values.

export interface Spread {
	median: number | null;
	p10: number | null;
	p90: number | null;
	n: number;
}

export function quantile(sorted: readonly number[], q: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function spread(values: readonly (number | null)[]): Spread {
	const sorted = values
		.filter((v): v is number => v !== null && Number.isFinite(v))
		.sort((a, b) => a - b);
	return {
		median: quantile(sorted, 0.5),
		p10: quantile(sorted, 0.1),
		p90: quantile(sorted, 0.9),
		n: sorted.length
	};
}

export function mean(values: readonly number[]): number {
	return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
