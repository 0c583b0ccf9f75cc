// The server refuses reviews dated in its future (beyond a small allowance), so a phone whose
// clock runs fast would lose every rating. Each API answer's Date header gives the offset;
// when it is large it is applied to the times stamped on new reviews.
const KEY = 'gapwise-clock-offset';
/** Below this the phone's own clock is trusted (Date headers only have whole seconds). */
const TRUSTED_MS = 30_000;

let offset: number | null = null;

function stored(): number {
	if (offset !== null) return offset;
	try {
		offset = Number(globalThis.localStorage?.getItem(KEY)) || 0;
	} catch {
		offset = 0;
	}
	return offset;
}

/** Learns the server's clock from a response that was sent at `sentAt` (local ms). */
export function noteServerTime(response: Response, sentAt: number, receivedAt = Date.now()) {
	const server = Date.parse(response.headers.get('date') ?? '');
	if (!Number.isFinite(server)) return;
	// The header is truncated to the second: its middle is the best guess.
	const measured = server + 500 - (sentAt + receivedAt) / 2;
	offset = Math.abs(measured) > TRUSTED_MS ? Math.round(measured) : 0;
	try {
		globalThis.localStorage?.setItem(KEY, String(offset));
	} catch {
		// Storage unavailable (the service worker has none): this context keeps it in memory.
	}
}

/** Now, by the server's clock as far as this device knows it. */
export function serverNow(): number {
	return Date.now() + stored();
}
