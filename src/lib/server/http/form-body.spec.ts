import { describe, expect, it } from 'vitest';
import { MAX_FORM_BYTES, isStrictUrlencoded, refusal, screenFormBody } from './form-body';

const URL_BASE = 'http://localhost/';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function post(path: string, body: BodyInit, headers: Record<string, string> = FORM) {
	return new Request(URL_BASE + path.slice(1), { method: 'POST', headers, body });
}

/** A body with no Content-Length, as a chunked upload sends it. */
function chunked(path: string, bytes: Uint8Array, headers: Record<string, string> = FORM) {
	const body = new ReadableStream({
		start(controller) {
			for (let i = 0; i < bytes.length; i += 64 * 1024)
				controller.enqueue(bytes.subarray(i, i + 64 * 1024));
			controller.close();
		}
	});
	return new Request(URL_BASE + path.slice(1), {
		method: 'POST',
		headers,
		body,
		duplex: 'half'
	} as RequestInit);
}

describe('form bodies before an action parses them', () => {
	it('passes a normal form on, readable as before', async () => {
		const screened = await screenFormBody(post('/plan', 'minutes=30&days=1&days=2'), '/plan');
		expect(screened.ok).toBe(true);
		if (!screened.ok) return;
		const data = await screened.request.formData();
		expect(data.getAll('days')).toEqual(['1', '2']);
		expect(data.get('minutes')).toBe('30');
	});

	it('refuses a form over a megabyte on an ordinary page, by its declared length', async () => {
		const big = 'note=' + 'a'.repeat(MAX_FORM_BYTES);
		const screened = await screenFormBody(post('/plan', big), '/plan');
		expect(screened).toMatchObject({ ok: false, status: 413 });
		if (!screened.ok) expect(screened.message).toMatch(/1 MB/);
	});

	it('refuses an oversized chunked form without holding it whole', async () => {
		const bytes = new TextEncoder().encode('note=' + 'a'.repeat(3 * MAX_FORM_BYTES));
		const screened = await screenFormBody(chunked('/plan', bytes), '/plan');
		expect(screened).toMatchObject({ ok: false, status: 413 });
	});

	it('lets the file doors take their files', async () => {
		const file = 'a'.repeat(MAX_FORM_BYTES + 10);
		const form = new FormData();
		form.set('file', new Blob([file]), 'cards.txt');
		const screened = await screenFormBody(
			new Request(URL_BASE + 'cards/import', { method: 'POST', body: form }),
			'/cards/import'
		);
		expect(screened.ok).toBe(true);
		if (screened.ok)
			expect(((await screened.request.formData()).get('file') as File).size).toBe(file.length);
	});

	it('refuses text that is not UTF-8 instead of saving U+FFFD', async () => {
		for (const body of ['name=%FF', 'name=%C3', 'a%E2%82=1']) {
			const screened = await screenFormBody(post('/profile', body), '/profile');
			expect(screened, body).toMatchObject({ ok: false, status: 400 });
		}
		const raw = new Uint8Array([...new TextEncoder().encode('name='), 0xe9]);
		expect(await screenFormBody(post('/profile', raw), '/profile')).toMatchObject({ ok: false });
		expect(isStrictUrlencoded(new TextEncoder().encode('name=J%C3%BCrgen+M%C3%BCller&x'))).toBe(
			true
		);
	});

	it('leaves JSON and reads to their endpoints', async () => {
		const json = post('/api/cards', '{"a":1}', { 'content-type': 'application/json' });
		expect(await screenFormBody(json, '/api/cards')).toEqual({ ok: true, request: json });
		const get = new Request(URL_BASE + 'plan');
		expect(await screenFormBody(get, '/plan')).toEqual({ ok: true, request: get });
	});

	it('answers an enhanced form with an action result, a script with JSON', async () => {
		const enhanced = post('/plan', '', { ...FORM, 'x-sveltekit-action': 'true' });
		expect(await refusal(enhanced, 413, 'Too big').json()).toEqual({
			type: 'error',
			status: 413,
			error: { message: 'Too big' }
		});
		const script = post('/plan', '', { ...FORM, accept: 'application/json' });
		expect(await refusal(script, 400, 'Bad').json()).toEqual({ message: 'Bad' });
		expect(await refusal(post('/plan', ''), 400, 'Bad').text()).toBe('Bad');
	});
});
