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

/** Starts a fresh session; any session the browser already carried is ended (no fixation). */
export async function startSession(event: RequestEvent, db: Database, userId: string) {
	const previous = event.cookies.get(SESSION_COOKIE);
	if (previous) await invalidateSession(db, sessionIdFromToken(previous));
	const token = generateSessionToken();
	const session = await createSession(db, token, userId);
	setSessionTokenCookie(event, token, session.expiresAt);
}

/** Only same-site paths are followed after login, so `?next=` cannot redirect elsewhere. */
export function safeNext(next: string | null): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return '/today';
	return next;
}
