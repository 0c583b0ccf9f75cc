import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { getDb } from '$lib/server/db';
import { warmContent } from '$lib/server/content';
import {
	SESSION_COOKIE,
	validateSessionToken,
	setSessionTokenCookie,
	deleteSessionTokenCookie
} from '$lib/server/auth/session';
import { isCrossOriginWrite } from '$lib/server/security/origin';
import { securityHeaders as securityHeadersFor } from '$lib/server/security/headers';
import { isBusyError } from '$lib/server/db/serial';
import { compressed } from '$lib/server/http/compress';
import { refusal, screenFormBody } from '$lib/server/http/form-body';
import { startReminderJob } from '$lib/server/push';
import { chain, type Step } from '$lib/server/http/chain';

export const init: ServerInit = async () => {
	// Apply pending migrations before the first request, not at import (the build imports this).
	if (building) return;
	const db = await getDb();
	// Daily push reminders, from this process (safe with several: sends are claimed in the DB).
	await startReminderJob(db, env);
	// Render the decks in the background so the first learner does not wait for it.
	warmContent().catch((error: unknown) => console.error(error));
};

const guardOrigin: Step = async (event, next) => {
	if (isCrossOriginWrite(event.request, event.url)) {
		const body = JSON.stringify({ message: 'Cross-origin requests are not allowed.' });
		return new Response(body, { status: 403, headers: { 'content-type': 'application/json' } });
	}
	return next(event);
};

/** A busy database is a retryable 503, not a 500. */
const busyAsRetryable: Step = async (event, next) => {
	const response = await next(event);
	if (!event.locals.databaseBusy) return response;
	const body = JSON.stringify({ message: 'The database is busy. Try again in a moment.' });
	return new Response(body, {
		status: 503,
		headers: { 'content-type': 'application/json', 'retry-after': '1' }
	});
};

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (isBusyError(error)) {
		event.locals.databaseBusy = true;
		return { message: 'The database is busy. Try again in a moment.' };
	}
	if (status >= 500) console.error(error);
	return { message };
};

/** The same headers scripts/start.js gives the static files SvelteKit never sees. */
const securityHeaders: Step = async (event, next) => {
	const response = await next(event);
	for (const [name, value] of securityHeadersFor(env.ORIGIN)) response.headers.set(name, value);
	return response;
};

const authenticate: Step = async (event, next) => {
	const token = event.cookies.get(SESSION_COOKIE);
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return next(event);
	}
	const { session, user } = await validateSessionToken(await getDb(), token);
	if (session) setSessionTokenCookie(event, token, session.expiresAt);
	else deleteSessionTokenCookie(event);
	event.locals.user = user;
	event.locals.session = session;
	return next(event);
};

/** Form bodies under their page's limit and in UTF-8, before any action parses them. */
const screenForms: Step = async (event, next) => {
	const screened = await screenFormBody(event.request, event.url.pathname);
	if (!screened.ok) return refusal(event.request, screened.status, screened.message);
	event.request = screened.request;
	return next(event);
};

/** Outermost, so it sees the final response (headers, status) of everything below. */
const compress: Step = async (event, next) => compressed(event.request, await next(event));

export const handle: Handle = chain(
	compress,
	guardOrigin,
	securityHeaders,
	busyAsRetryable,
	screenForms,
	authenticate
);
