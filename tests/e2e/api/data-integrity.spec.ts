// Issue 15, "data in is data out" and "an import can never break an account", over HTTP
// against the production build (BODY_SIZE_LIMIT as scripts/start.js sets it).
import { expect, test } from '@playwright/test';
import { COOKIE, ORIGIN, jsonRequest, registerLearner } from './http';

/** A raw body, sent exactly as given (jsonRequest would re-encode it). */
async function postRaw(path: string, token: string, body: Uint8Array | string) {
	const res = await fetch(ORIGIN + path, {
		method: 'POST',
		headers: { origin: ORIGIN, 'content-type': 'application/json', cookie: `${COOKIE}=${token}` },
		body
	});
	const text = await res.text();
	return { status: res.status, type: res.headers.get('content-type') ?? '', text };
}

const card = { skillId: 'docker', level: 1, back: 'An answer.' };

test('a card with NUL or invalid UTF-8 is refused with a clear 400, and nothing is stored', async ({
	request
}) => {
	const { token } = await registerLearner(request);
	const nul = await jsonRequest(request, 'POST', '/api/cards', token, {
		...card,
		front: 'before\u0000after'
	});
	expect(nul.status()).toBe(400);
	expect(await nul.json()).toMatchObject({
		message: 'front: contains the control character U+0000; only tab and newline are allowed.'
	});

	const bytes = new Uint8Array([
		...new TextEncoder().encode(JSON.stringify({ ...card, front: 'caf' }).slice(0, -2)),
		0xe9, // Latin-1 "é": not UTF-8
		...new TextEncoder().encode('"}')
	]);
	const latin1 = await postRaw('/api/cards', token, bytes);
	expect(latin1.status).toBe(400);
	expect(JSON.parse(latin1.text)).toEqual({ message: 'The body is not valid UTF-8 text.' });

	const list = await jsonRequest(request, 'GET', '/api/cards', token);
	expect(await list.json()).toEqual({ cards: [] });
});

test('the import limit the server enforces is the one it states, in a JSON 413', async ({
	request
}) => {
	test.setTimeout(120_000);
	const { token } = await registerLearner(request);
	// 3 MB: over the old 2M server limit, well under the import's 50 MB.
	const padded = JSON.stringify({ format: 'not-an-export', pad: 'x'.repeat(3_000_000) });
	const medium = await postRaw('/api/import', token, padded);
	expect(medium.status).toBe(400);
	expect(JSON.parse(medium.text)).toMatchObject({ message: /not a Gapwise export/ });

	const huge = await postRaw('/api/import', token, 'x'.repeat(50 * 1024 * 1024 + 1));
	expect(huge.status).toBe(413);
	expect(huge.type).toMatch(/application\/json/);
	expect(JSON.parse(huge.text)).toEqual({
		message: 'The body is over this endpoint’s limit of 50 MB (52,428,800 bytes).'
	});

	// Every other endpoint keeps its own, smaller limit.
	const cards = await postRaw('/api/cards', token, 'x'.repeat(2 * 1024 * 1024));
	expect(cards.status).toBe(413);
	expect(JSON.parse(cards.text)).toEqual({
		message: 'The body is over this endpoint’s limit of 1 MB (1,048,576 bytes).'
	});
});
