import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { eq, and, ne, sql } from 'drizzle-orm';
import { compileSelect, connOf, selectRows } from '$lib/server/db/compiled';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session unused for this long expires; using it in its second half extends it. */
export const IDLE_LIFETIME_MS = 14 * DAY_MS;
/** No session outlives this, however active: the guide's sliding window alone has no cap. */
export const ABSOLUTE_LIFETIME_MS = 30 * DAY_MS;
export const SESSION_COOKIE = 'gapwise-session';

export type SessionUser = Pick<table.User, 'id' | 'username' | 'email' | 'timezone'>;
export type SessionValidation =
	{ session: table.Session; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Database, token: string, userId: string, now = new Date()) {
	const session: table.Session = {
		id: sessionIdFromToken(token),
		userId,
		createdAt: now,
		expiresAt: new Date(now.getTime() + IDLE_LIFETIME_MS)
	};
	await db.insert(table.session).values(session);
	return session;
}

// Every signed-in request runs this, so it is built once.
const sessionSelect = compileSelect(
	{
		id: table.session.id,
		userId: table.session.userId,
		expiresAt: table.session.expiresAt,
		createdAt: table.session.createdAt,
		username: table.user.username,
		email: table.user.email,
		timezone: table.user.timezone
	},
	(b, fields) =>
		b
			.select(fields)
			.from(table.session)
			.innerJoin(table.user, eq(table.session.userId, table.user.id))
			.where(eq(table.session.id, sql.placeholder('sessionId')))
);

export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<SessionValidation> {
	const sessionId = sessionIdFromToken(token);
	const [found] = await selectRows(connOf(db), sessionSelect, { sessionId });
	if (!found) return { session: null, user: null };
	const row = {
		session: {
			id: found.id,
			userId: found.userId,
			expiresAt: found.expiresAt,
			createdAt: found.createdAt
		},
		user: {
			id: found.userId,
			username: found.username,
			email: found.email,
			timezone: found.timezone
		}
	};

	const { session, user } = row;
	const hardLimit = session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS;
	if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= hardLimit) {
		await db.delete(table.session).where(eq(table.session.id, sessionId));
		return { session: null, user: null };
	}
	if (session.expiresAt.getTime() - now.getTime() < IDLE_LIFETIME_MS / 2) {
		const extended = Math.min(now.getTime() + IDLE_LIFETIME_MS, hardLimit);
		if (extended > session.expiresAt.getTime()) {
			session.expiresAt = new Date(extended);
			await db
				.update(table.session)
				.set({ expiresAt: session.expiresAt })
				.where(eq(table.session.id, sessionId));
		}
	}
	return { session, user };
}

export async function invalidateSession(db: Database, sessionId: string) {
	await db.delete(table.session).where(eq(table.session.id, sessionId));
}

/** Ends every session of a user, or every one but `keepSessionId`. */
export async function invalidateUserSessions(db: Database, userId: string, keepSessionId?: string) {
	await db
		.delete(table.session)
		.where(
			keepSessionId
				? and(eq(table.session.userId, userId), ne(table.session.id, keepSessionId))
				: eq(table.session.userId, userId)
		);
}

/** Secure everywhere but plain-http localhost, where a browser would not send it back. */
export function cookieIsSecure(url: URL) {
	return url.protocol === 'https:' || url.hostname !== 'localhost';
}

export function setSessionTokenCookie(event: RequestEvent, token: string, expiresAt: Date) {
	event.cookies.set(SESSION_COOKIE, token, {
		expires: expiresAt,
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieIsSecure(event.url)
	});
}

export function deleteSessionTokenCookie(event: RequestEvent) {
	event.cookies.delete(SESSION_COOKIE, { path: '/' });
}
