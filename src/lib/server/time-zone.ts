// The learner's time zone as a device reports it: at registration (a hidden field the page
// fills from Intl.DateTimeFormat().resolvedOptions().timeZone) and when a signed-in device's
// zone differs later (Today offers to switch). Only zones on the server's own list are kept.
import { eq } from 'drizzle-orm';
import { user } from '$lib/server/db/schema';
import type { Queryable } from '$lib/server/reviews/db';

let zones: Set<string> | undefined;

/** The zones the server knows: UTC and the runtime's IANA list, in the runtime's order. */
export function timeZoneList(): string[] {
	zones ??= new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
	return [...zones];
}

/**
 * A zone a device sent, as the server's list names it, or null. Browsers and the server may
 * spell a zone differently (an alias such as Asia/Calcutta), so it is canonicalised first.
 */
export function knownTimeZone(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const name = raw.trim();
	if (name === '' || name.length > 64) return null;
	timeZoneList();
	if (zones!.has(name)) return name;
	try {
		const canonical = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
		return zones!.has(canonical) ? canonical : null;
	} catch {
		return null;
	}
}

/** Stores the zone the learner's days, streaks and 04:00 rollover follow. */
export async function saveTimeZone(db: Queryable, userId: string, zone: string): Promise<void> {
	await db.update(user).set({ timezone: zone }).where(eq(user.id, userId));
}
