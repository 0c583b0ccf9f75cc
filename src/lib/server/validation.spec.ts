import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { isHttpError } from '@sveltejs/kit';
import { readJson, validate } from './validation';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
	new Request('http://localhost/api/x', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body
	});

/** The status and message readJson throws, or the parsed value. */
async function read(request: Request, max?: number) {
	try {
		return { value: await readJson(request, max) };
	} catch (error) {
		if (!isHttpError(error)) throw error;
		return { status: error.status, message: error.body.message };
	}
}

describe('reading JSON bodies', () => {
	it('parses well-formed UTF-8 JSON', async () => {
		expect(await read(post('{"front":"Ünï\\tcode\\n🙂"}'))).toEqual({
			value: { front: 'Ünï\tcode\n🙂' }
		});
	});

	it('refuses invalid UTF-8 instead of turning it into U+FFFD', async () => {
		const bytes = new Uint8Array([...new TextEncoder().encode('{"front":"a'), 0xff, 0x22, 0x7d]);
		expect(await read(post(bytes))).toEqual({
			status: 400,
			message: 'The body is not valid UTF-8 text.'
		});
	});

	it('refuses control characters and lone surrogates anywhere, naming the field', async () => {
		expect(await read(post('{"cards":[{"front":"ok"},{"front":"a\\u0000b"}]}'))).toEqual({
			status: 400,
			message: expect.stringMatching(/^cards\[1\]\.front: contains the control character U\+0000/)
		});
		expect(await read(post('{"name":"\\ud800"}'))).toMatchObject({
			status: 400,
			message: expect.stringMatching(/^name: is not valid Unicode/)
		});
	});

	it('answers 413 with the limit, whether the length is declared or not', async () => {
		const big = JSON.stringify({ text: 'x'.repeat(2000) });
		const expected = {
			status: 413,
			message: 'The body is over this endpoint’s limit of 1 KB (1,024 bytes).'
		};
		expect(await read(post(big), 1024)).toEqual(expected);
		const stream = new Blob([big]).stream();
		const chunked = new Request('http://localhost/api/x', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		expect(await read(chunked, 1024)).toEqual(expected);
	});
});

describe('validate', () => {
	it('refuses a form field with a control character before any schema sees it', () => {
		const result = validate(v.object({ front: v.string() }), { front: 'a\u0000b' });
		expect(result).toEqual({
			ok: false,
			message: 'front: contains the control character U+0000; only tab and newline are allowed.',
			errors: {
				front: 'Contains the control character U+0000; only tab and newline are allowed.'
			}
		});
	});
});
