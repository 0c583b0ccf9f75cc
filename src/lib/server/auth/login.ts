import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/server/db/client';
import {
	SESSION_COOKIE,
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdFromToken,
	setSessionTokenCookie
} from './session';
import { trustDevice } from './device';

/**
 * Starts a fresh session after the password was proven; any session the browser already
 * carried is ended (no fixation), and the browser is trusted as one the learner signs in from.
 */
export async function startSession(event: RequestEvent, db: Database, userId: string) {
	const previous = event.cookies.get(SESSION_COOKIE);
	if (previous) await invalidateSession(db, sessionIdFromToken(previous));
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionTokenCookie(event, token, session.expiresAt);
	await trustDevice(event, db, userId);
}

const AFTER_LOGIN = '/today';
/** Longer than any page's own address; a longer `next` is not one of ours. */
const NEXT_MAX = 2048;

/**
 * Where to go after login: a path on this app, or /today. The path is resolved as a browser
 * would resolve the Location header (the URL parser drops tabs and newlines and reads `\` as
 * `/`, so `/<TAB>/evil.example` means `//evil.example`), kept only if it stays on `origin`, and
 * re-serialised from the parsed URL, so the header holds only percent-encoded ASCII.
 */
export function safeNext(next: string | null, origin: string): string {
	if (!next || next.length > NEXT_MAX || !next.startsWith('/')) return AFTER_LOGIN;
	const home = new URL(origin).origin;
	const url = URL.parse(next, home);
	if (!url || url.origin !== home) return AFTER_LOGIN;
	const path = url.pathname + url.search + url.hash;
	// Dot segments can leave a path that starts with `//` (`/.//evil.example`): resolved once
	// more, that leaves the app, so the serialised form is checked again.
	return URL.parse(path, home)?.origin === home ? path : AFTER_LOGIN;
}
