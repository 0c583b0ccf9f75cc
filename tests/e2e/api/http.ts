import { expect, type APIRequestContext } from '@playwright/test';

/**
 * Plain fetch, not Playwright's request context: the context keeps a cookie jar, so one
 * learner's session cookie would ride along with another learner's requests (and signing up
 * ends the session the client carried). Every call here names its session explicitly.
 */
export interface HttpResponse {
	status(): number;
	text(): Promise<string>;
	json(): Promise<unknown>;
	headers(): Record<string, string>;
	headersArray(): { name: string; value: string }[];
}

async function send(path: string, init: RequestInit): Promise<HttpResponse> {
	const res = await fetch(ORIGIN + path, { ...init, redirect: 'manual' });
	const body = await res.text();
	const pairs: { name: string; value: string }[] = [];
	res.headers.forEach((value, name) => {
		if (name !== 'set-cookie') pairs.push({ name, value });
	});
	for (const value of res.headers.getSetCookie()) pairs.push({ name: 'set-cookie', value });
	return {
		status: () => res.status,
		text: async () => body,
		json: async () => JSON.parse(body) as unknown,
		headers: () => Object.fromEntries(pairs.map((p) => [p.name, p.value])),
		headersArray: () => pairs
	};
}
import { PASSWORD, uniqueName } from '../helpers';

export const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 4173}`;
export const COOKIE = 'gapwise-session';

/** Posts a form as a same-origin browser would. */
export function postForm(
	_request: APIRequestContext,
	path: string,
	form: Record<string, string>,
	token?: string
) {
	return send(path, {
		method: 'POST',
		body: new URLSearchParams(form),
		// A browser without JS: HTML, so SvelteKit answers with real statuses and redirects.
		headers: {
			origin: ORIGIN,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(token ? { cookie: `${COOKIE}=${token}` } : {})
		}
	});
}

export function sessionToken(response: HttpResponse): string | undefined {
	const header = response
		.headersArray()
		.find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith(`${COOKIE}=`));
	const value = header?.value.split(';')[0]!.split('=')[1];
	return value || undefined;
}

export function setCookieHeader(response: HttpResponse): string {
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
	_request: APIRequestContext,
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
	path: string,
	token: string | undefined,
	body?: unknown
) {
	return send(path, {
		method,
		headers: {
			origin: ORIGIN,
			...(body === undefined ? {} : { 'content-type': 'application/json' }),
			...(token ? { cookie: `${COOKIE}=${token}` } : {})
		},
		body: body === undefined ? undefined : JSON.stringify(body)
	});
}

/** Whether a token is a live session: /profile answers 200 for it instead of redirecting. */
export async function isSignedIn(_request: APIRequestContext, token: string) {
	const res = await send('/profile', { headers: { cookie: `${COOKIE}=${token}` } });
	return res.status() === 200;
}
