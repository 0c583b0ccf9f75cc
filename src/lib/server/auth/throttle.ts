import { and, inArray, sql } from 'drizzle-orm';
import type { Database } from '$lib/server/db/client';
import { loginThrottle } from '$lib/server/db/schema';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** A key with no attempt counted for this long starts again from zero. */
export const FORGET_AFTER_MS = 24 * 60 * MINUTE;

/**
 * Attempts each key allows before it waits 1 s, 2 s, 4 s … up to its cap: a delay, never a
 * lock-out. Each key is a string in `login_throttle`, so every app process sees the same counts.
 * - `client`: one account from one client (an address, or a browser trusted for the account):
 *   the owner's own typos, or one guesser's.
 * - `account`: one account from every client not trusted for it: the ceiling on a guesser who
 *   spreads over many addresses. Its hour-long cap holds any number of them to 45 guesses in
 *   the first day and 24 a day after (tested in tests/integration/auth.test.ts).
 * - `ip`: one address across accounts (password spraying); many people can share an address.
 * - `register`: registrations from one address that found the name taken (listing usernames).
 */
export const POLICIES = {
	client: { free: 4, maxDelayMs: 15 * MINUTE },
	account: { free: 10, maxDelayMs: 60 * MINUTE },
	ip: { free: 40, maxDelayMs: 15 * MINUTE },
	register: { free: 5, maxDelayMs: 60 * MINUTE }
} as const;
export type ThrottleKind = keyof typeof POLICIES;

export interface ThrottleKey {
	kind: ThrottleKind;
	value: string;
}

export function throttleKey({ kind, value }: ThrottleKey) {
	return `${kind}:${value.toLowerCase()}`;
}

/** The wait after `failures` counted attempts: none while free, then doubling to the cap. */
export function delayAfter(kind: ThrottleKind, failures: number): number {
	const { free, maxDelayMs } = POLICIES[kind];
	const over = failures - free;
	if (over <= 0) return 0;
	return Math.min(SECOND * 2 ** Math.min(over - 1, 30), maxDelayMs);
}

type Row = typeof loginThrottle.$inferSelect;

function isStale(row: Row, now: Date) {
	return now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
}

function waitOf(kind: ThrottleKind, row: Row | undefined, now: Date) {
	if (!row || isStale(row, now)) return 0;
	const since = now.getTime() - row.lastFailureAt.getTime();
	return Math.max(0, delayAfter(kind, row.failures) - since);
}

function longestWait(
	keys: ThrottleKey[],
	names: string[],
	byName: Map<string, Row>,
	now: Date
): number {
	return Math.max(0, ...keys.map((k, i) => waitOf(k.kind, byName.get(names[i]!), now)));
}

/** The milliseconds any of the keys must still wait, counting nothing. */
export async function currentWait(db: Database, keys: ThrottleKey[], now = new Date()) {
	const names = keys.map(throttleKey);
	const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, names));
	return longestWait(keys, names, new Map(rows.map((row) => [row.key, row])), now);
}

/**
 * Counts one attempt against every key, or against none while any of them must still wait:
 * answers 0 when the attempt may go ahead, else the milliseconds to wait. The attempt is counted
 * before the password is checked, inside one write transaction, so guesses sent all at once
 * each see the ones before them; a success gives its count back with `forgive`.
 */
export async function takeAttempt(
	db: Database,
	keys: ThrottleKey[],
	now = new Date()
): Promise<number> {
	const names = keys.map(throttleKey);
	return db.transaction(async (tx) => {
		const rows = await tx.select().from(loginThrottle).where(inArray(loginThrottle.key, names));
		const byName = new Map(rows.map((row) => [row.key, row]));
		const wait = longestWait(keys, names, byName, now);
		if (wait > 0) return wait;
		const counted = names.map((key) => {
			const row = byName.get(key);
			const failures = !row || isStale(row, now) ? 1 : row.failures + 1;
			return { key, failures, lastFailureAt: now };
		});
		await tx
			.insert(loginThrottle)
			.values(counted)
			.onConflictDoUpdate({
				target: loginThrottle.key,
				set: {
					failures: sql`excluded.failures`,
					lastFailureAt: sql`excluded.last_failure_at`
				}
			});
		return 0;
	});
}

/**
 * After a success: a `client` key is wiped (the owner got it right), every other key gives back
 * the one attempt taken for it, so the owner's success neither adds to nor resets what
 * guessers elsewhere have spent.
 */
export async function forgive(db: Database, keys: ThrottleKey[]) {
	const wiped = keys.filter((k) => k.kind === 'client').map(throttleKey);
	const refunded = keys.filter((k) => k.kind !== 'client').map(throttleKey);
	if (wiped.length) await db.delete(loginThrottle).where(inArray(loginThrottle.key, wiped));
	if (refunded.length) {
		await db
			.update(loginThrottle)
			.set({ failures: sql`max(${loginThrottle.failures} - 1, 0)` })
			.where(and(inArray(loginThrottle.key, refunded), sql`${loginThrottle.failures} > 0`));
	}
}
