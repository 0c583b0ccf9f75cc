import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { PASSWORD, uniqueName } from '../helpers';

export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
export const COOKIE = 'gapwise-session';

/** Posts a form as a same-origin browser would. */
export function postForm(
	request: APIRequestContext,
	path: string,
	form: Record<string, string>,
	token?: string
) {
	return request.post(path, {
		form,
		maxRedirects: 0,
		// A browser without JS: HTML, so SvelteKit answers with real statuses and redirects.
		headers: {
			origin: ORIGIN,
			accept: 'text/html',
			...(token ? { cookie: `${COOKIE}=${token}` } : {})
		}
	});
}

export function sessionToken(response: APIResponse): string | undefined {
	const header = response
		.headersArray()
		.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${COOKIE}=`));
	const value = header?.value.split(';')[0]!.split('=')[1];
	return value || undefined;
}

export function setCookieHeader(response: APIResponse): string {
	return (
		response
			.headersArray()
			.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${COOKIE}=`))
			?.value ?? ''
	);
}

/** Registers a fresh learner over HTTP and returns their session token. */
export async function registerLearner(request: APIRequestContext, username = uniqueName('api')) {
	const res = await postForm(request, '/register', { username, password: PASSWORD });
	expect(res.status()).toBe(303);
	const token = sessionToken(res);
	expect(token).toBeTruthy();
	return { username, password: PASSWORD, token: token! };
}

/** Sends JSON as a signed-in learner's script would. */
export function jsonRequest(
	request: APIRequestContext,
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
	path: string,
	token: string | undefined,
	body?: unknown
) {
	return request.fetch(path, {
		method,
		maxRedirects: 0,
		headers: {
			origin: ORIGIN,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...(token ? { cookie: `${COOKIE}=${token}` } : {})
		},
		data: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** Whether a token is a live session: /profile answers 200 for it instead of redirecting. */
export async function isSignedIn(request: APIRequestContext, token: string) {
	const res = await request.get('/profile', {
		maxRedirects: 0,
		headers: { cookie: `${COOKIE}=${token}` }
	});
	return res.status() === 200;
}
