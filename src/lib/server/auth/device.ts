import { and, eq, gt } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/server/db/client';
import { loginThrottle } from '$lib/server/db/schema';
import { cookieIsSecure, generateSessionToken, sessionIdFromToken } from './session';

// A browser the learner has signed in from is trusted for that account: its guesses are counted
// on their own, not with the account's ceiling, so guessers elsewhere cannot keep the owner out
// (OWASP's "device cookie" defence). The token is made and stored like a session token (only its
// SHA-256 is kept), in `login_throttle` under a `device:` key, whose time is the last sign-in.

export const DEVICE_COOKIE = 'gapwise-device';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A browser not signed in from for this long is a stranger again. */
export const DEVICE_TRUST_MS = 90 * DAY_MS;
const TOKEN = /^[a-z2-7]{32}$/;

function rowKey(userId: string, deviceId: string) {
	return `device:${userId} ${deviceId}`;
}

/** The device id (a digest, never the token) of the browser behind `event`, if it has one. */
export function deviceIdOf(event: Pick<RequestEvent, 'cookies'>): string | null {
	const token = event.cookies.get(DEVICE_COOKIE);
	return token && TOKEN.test(token) ? sessionIdFromToken(token) : null;
}

export async function isTrustedDevice(
	db: Database,
	userId: string,
	deviceId: string,
	now = new Date()
) {
	const [row] = await db
		.select({ key: loginThrottle.key })
		.from(loginThrottle)
		.where(
			and(
				eq(loginThrottle.key, rowKey(userId, deviceId)),
				gt(loginThrottle.lastFailureAt, new Date(now.getTime() - DEVICE_TRUST_MS))
			)
		);
	return row !== undefined;
}

export async function rememberDevice(db: Database, userId: string, deviceId: string, now: Date) {
	const key = rowKey(userId, deviceId);
	await db
		.insert(loginThrottle)
		.values({ key, failures: 0, lastFailureAt: now })
		.onConflictDoUpdate({ target: loginThrottle.key, set: { lastFailureAt: now } });
}

/** Marks the browser behind `event` as one `userId` signs in from, giving it a token if needed. */
export async function trustDevice(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	db: Database,
	userId: string,
	now = new Date()
) {
	const carried = event.cookies.get(DEVICE_COOKIE);
	const token = carried && TOKEN.test(carried) ? carried : generateSessionToken();
	await rememberDevice(db, userId, sessionIdFromToken(token), now);
	event.cookies.set(DEVICE_COOKIE, token, {
		expires: new Date(now.getTime() + DEVICE_TRUST_MS),
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieIsSecure(event.url)
	});
}
