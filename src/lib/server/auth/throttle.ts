import { eq, sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import { loginThrottle } from '$lib/server/db/schema';

const SECOND = 1000;
const FORGET_AFTER_MS = 24 * 60 * 60 * SECOND;
const MAX_DELAY_MS = 15 * 60 * SECOND;

/** Failures allowed before each key starts waiting; an IP is shared (NAT, campus), so it gets more. */
const FREE_FAILURES = { account: 4, ip: 40 } as const;
export type ThrottleKind = keyof typeof FREE_FAILURES;

export function throttleKey(kind: ThrottleKind, value: string) {
	return `${kind}:${value.toLowerCase()}`;
}

/** Growing delay, never a lock-out: 1 s, 2 s, 4 s … capped at 15 minutes. */
export function delayAfter(kind: ThrottleKind, failures: number): number {
	const over = failures - FREE_FAILURES[kind];
	if (over <= 0) return 0;
	return Math.min(SECOND * 2 ** (over - 1), MAX_DELAY_MS);
}

/** Milliseconds the caller must still wait before another attempt, 0 if none. */
export async function waitFor(db: Database, kind: ThrottleKind, value: string, now = new Date()) {
	const [row] = await db
		.select()
		.from(loginThrottle)
		.where(eq(loginThrottle.key, throttleKey(kind, value)));
	if (!row) return 0;
	const since = now.getTime() - row.lastFailureAt.getTime();
	if (since > FORGET_AFTER_MS) return 0;
	return Math.max(0, delayAfter(kind, row.failures) - since);
}

export async function recordFailure(
	db: Database,
	kind: ThrottleKind,
	value: string,
	now = new Date()
) {
	const key = throttleKey(kind, value);
	const stale = now.getTime() - FORGET_AFTER_MS;
	await db
		.insert(loginThrottle)
		.values({ key, failures: 1, lastFailureAt: now })
		.onConflictDoUpdate({
			target: loginThrottle.key,
			set: {
				failures: sql`case when ${loginThrottle.lastFailureAt} < ${stale} then 1 else ${loginThrottle.failures} + 1 end`,
				lastFailureAt: now
			}
		});
}

export async function clearFailures(db: Database, kind: ThrottleKind, value: string) {
	await db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKey(kind, value)));
}
