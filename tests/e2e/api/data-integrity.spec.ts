// Issue 15, "data in is data out" and "an import can never break an account", over HTTP
// against the production build (BODY_SIZE_LIMIT as scripts/start.js sets it).
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { COOKIE, ORIGIN, jsonRequest, registerLearner } from './http';

/** A raw body, sent exactly as given (jsonRequest would re-encode it). */
async function postRaw(path: string, token: string, body: Uint8Array | string) {
	const res = await fetch(ORIGIN + path, {
		method: 'POST',
		headers: { origin: ORIGIN, 'content-type': 'application/json', cookie: `${COOKIE}=${token}` },
		body: body as BodyInit
	});
	return {
		status: res.status,
		type: res.headers.get('content-type') ?? '',
		text: await res.text()
	};
}

/**
 * Only the headers of a request that declares `length` bytes, on a socket of its own: the
 * server refuses it by its Content-Length before any byte of the body is sent (a server that
 * stops reading a body it refused drops the connection, which must not be a pooled one).
 */
function declareBody(path: string, token: string, length: number) {
	const { hostname, port } = new URL(ORIGIN);
	const head = [
		`POST ${path} HTTP/1.1`,
		`host: ${hostname}:${port}`,
		`origin: ${ORIGIN}`,
		'accept: application/json',
		'content-type: application/json',
		`cookie: ${COOKIE}=${token}`,
		`content-length: ${length}`,
		'',
		''
	].join('\r\n');
	return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
		let raw = Buffer.alloc(0);
		const socket = net.connect(Number(port), hostname, () => socket.write(head));
		socket.on('error', reject);
		socket.on('data', (chunk: Buffer) => {
			raw = Buffer.concat([raw, chunk]);
			const split = raw.indexOf('\r\n\r\n');
			if (split < 0) return;
			const headers = raw.subarray(0, split).toString('latin1');
			const length = Number(/content-length: (\d+)/i.exec(headers)?.[1]);
			const body = raw.subarray(split + 4);
			if (body.length < length) return;
			socket.destroy();
			resolve({
				status: Number(headers.split(' ')[1]),
				type: /content-type: ([^\r\n]*)/i.exec(headers)?.[1] ?? '',
				text: body.toString('utf8')
			});
		});
	});
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

	const huge = await declareBody('/api/import', token, 50 * 1024 * 1024 + 1);
	expect(huge.status).toBe(413);
	expect(huge.type).toMatch(/application\/json/);
	expect(JSON.parse(huge.text)).toEqual({
		message: 'The body is over this endpoint’s limit of 50 MB (52,428,800 bytes).'
	});

	// Every other endpoint keeps its own, smaller limit.
	const cards = await declareBody('/api/cards', token, 2 * 1024 * 1024);
	expect(cards.status).toBe(413);
	expect(JSON.parse(cards.text)).toEqual({
		message: 'The body is over this endpoint’s limit of 1 MB (1,048,576 bytes).'
	});
});

const now = () => new Date(Date.now() - 60_000).toISOString();

test('another learner’s review id and card id answer exactly as fresh ids', async ({ request }) => {
	const [a, b, c] = [
		await registerLearner(request),
		await registerLearner(request),
		await registerLearner(request)
	];
	const at = now();
	const sent = (id: string) => ({
		id,
		cardId: 'docker-001',
		rating: 3,
		reviewedAt: at,
		durationMs: 2000
	});
	const taken = crypto.randomUUID();
	await jsonRequest(request, 'POST', '/api/reviews', a.token, { reviews: [sent(taken)] });
	const reused = await jsonRequest(request, 'POST', '/api/reviews', b.token, {
		reviews: [{ ...sent(taken), rating: 1 }]
	});
	const fresh = await jsonRequest(request, 'POST', '/api/reviews', c.token, {
		reviews: [{ ...sent(crypto.randomUUID()), rating: 1 }]
	});
	const [r1, r2] = [
		((await reused.json()) as { results: Record<string, unknown>[] }).results[0]!,
		((await fresh.json()) as { results: Record<string, unknown>[] }).results[0]!
	];
	expect(r1).toMatchObject({ id: taken, status: 'applied' });
	// The same answer but for the id and the previews, which are timed from the server's now.
	const same = (r: Record<string, unknown>) => ({
		...r,
		id: null,
		card: { ...(r.card as object), previews: null }
	});
	expect(same(r1)).toEqual(same(r2));

	// A's card id in B's import: as accepted as an id nobody has, and A's card is untouched.
	const created = await jsonRequest(request, 'POST', '/api/cards', a.token, {
		...card,
		front: 'A’s own question?'
	});
	const theirs = ((await created.json()) as { id: string }).id;
	const doc = (id: string) => ({
		format: 'gapwise-export',
		version: 1,
		exportedAt: now(),
		profile: {},
		tables: {
			personal_card: [
				{
					id,
					skill_id: 'docker',
					level: 1,
					front: 'hijacked?',
					back: 'x',
					tags: [],
					created_at: now(),
					updated_at: now()
				}
			]
		}
	});
	const [d, e] = [await registerLearner(request), await registerLearner(request)];
	const withTheirs = await jsonRequest(request, 'POST', '/api/import', d.token, doc(theirs));
	const withFresh = await jsonRequest(
		request,
		'POST',
		'/api/import',
		e.token,
		doc(`pc_${crypto.randomUUID()}`)
	);
	expect(withTheirs.status()).toBe(200);
	expect(await withTheirs.json()).toEqual(await withFresh.json());
	const mine = await jsonRequest(request, 'GET', `/api/cards/${theirs}`, a.token);
	expect(await mine.json()).toMatchObject({ id: theirs, front: 'A’s own question?' });
});

test('an import with a bad row is refused whole, naming the row and field', async ({ request }) => {
	const { token } = await registerLearner(request);
	const row = (level: number, front: string) => ({
		id: `pc_${crypto.randomUUID()}`,
		skill_id: 'docker',
		level,
		front,
		back: 'b',
		tags: [],
		created_at: now(),
		updated_at: now()
	});
	const res = await jsonRequest(request, 'POST', '/api/import', token, {
		format: 'gapwise-export',
		version: 1,
		exportedAt: now(),
		profile: {},
		tables: { personal_card: [row(1, 'q0'), row(2, 'q1'), row(3, 'q2'), row(99, 'q3')] }
	});
	expect(res.status()).toBe(400);
	expect(await res.json()).toEqual({
		message: 'tables.personal_card[3].level: Choose a level from 1 to 4.'
	});
	const list = await jsonRequest(request, 'GET', '/api/cards', token);
	expect(await list.json()).toEqual({ cards: [] });
});

test('a review on 30 February is rejected with a reason, in a 200 with one result per review', async ({
	request
}) => {
	const { token } = await registerLearner(request);
	const id = crypto.randomUUID();
	const res = await jsonRequest(request, 'POST', '/api/reviews', token, {
		reviews: [
			{ id, cardId: 'docker-001', rating: 3, reviewedAt: '2026-02-30T00:00:00Z', durationMs: 1 }
		]
	});
	expect(res.status()).toBe(200);
	expect(await res.json()).toEqual({
		results: [
			{
				id,
				status: 'rejected',
				reason: 'reviewedAt: reviewedAt names a day that does not exist (2026-02-30).'
			}
		]
	});
});

test('an Anki file that is not UTF-8 is refused by name, not imported with U+FFFD', async ({
	request
}) => {
	const { token } = await registerLearner(request);
	const form = new FormData();
	form.set('skillId', 'docker');
	form.set('level', '1');
	// "Café?<TAB>Oui" in Latin-1: the é is the byte 0xE9, never valid UTF-8 on its own.
	const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x3f, 0x09, 0x4f, 0x75, 0x69, 0x0a]);
	form.set('file', new Blob([latin1], { type: 'text/plain' }), 'notes.txt');
	const res = await fetch(`${ORIGIN}/cards/import?/preview`, {
		method: 'POST',
		headers: { origin: ORIGIN, accept: 'text/html', cookie: `${COOKIE}=${token}` },
		body: form
	});
	expect(res.status).toBe(400);
	expect(await res.text()).toContain('The file is not UTF-8 text');
});
