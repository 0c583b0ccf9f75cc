import { TokenBuckets, type BucketOptions } from '$lib/server/targets/rate-limit';

// An import parses up to a megabyte and may write thousands of rows, so a learner gets a few in
// a row (preview, fix the file, preview again, confirm), then one every ten seconds. One
// allowance covers every door — the card import's preview and confirm, the settings page's
// restore and POST /api/import — so no door is a way round another.
export const IMPORT_BUCKET: BucketOptions = { capacity: 10, refillPerMinute: 6, maxKeys: 10_000 };

const importLimiter = new TokenBuckets(IMPORT_BUCKET);

/**
 * Takes one import from the learner's allowance. Null when they may go ahead; otherwise the
 * message to show, with the wait already set as the response's Retry-After.
 */
export function refuseImport(
	event: { setHeaders(headers: Record<string, string>): void },
	userId: string,
	now = Date.now()
): string | null {
	const wait = importLimiter.take(`user:${userId}`, now);
	if (wait === 0) return null;
	event.setHeaders({ 'retry-after': String(wait) });
	return `Too many imports in a row; try again in ${wait} s.`;
}
