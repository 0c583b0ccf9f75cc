import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressed } from './compress';

const accepts = new Request('http://x/', { headers: { 'accept-encoding': 'gzip' } });
const big = JSON.stringify({
	cards: Array.from({ length: 200 }, (_, i) => ({ id: i, front: 'é'.repeat(20) }))
});

describe('compressed', () => {
	it('compresses a whole body in one go and states its compressed length', async () => {
		const response = new Response(big, {
			headers: {
				'content-type': 'application/json',
				'content-length': String(new TextEncoder().encode(big).byteLength),
				etag: '"abc"'
			}
		});
		const out = await compressed(accepts, response);
		const bytes = Buffer.from(await out.arrayBuffer());
		expect(out.headers.get('content-encoding')).toBe('gzip');
		expect(out.headers.get('content-length')).toBe(String(bytes.byteLength));
		expect(out.headers.get('etag')).toBe('W/"abc"');
		expect(gunzipSync(bytes).toString('utf8')).toBe(big);
	});

	it('keeps a streamed body streaming, with no length', async () => {
		const stream = new Response(big).body!;
		const out = await compressed(
			accepts,
			new Response(stream, { headers: { 'content-type': 'text/html' } })
		);
		expect(out.headers.get('content-length')).toBeNull();
		expect(gunzipSync(Buffer.from(await out.arrayBuffer())).toString('utf8')).toBe(big);
	});

	it('leaves small answers and clients that refuse gzip alone', async () => {
		const small = new Response('{}', {
			headers: { 'content-type': 'application/json', 'content-length': '2' }
		});
		expect(await compressed(accepts, small)).toBe(small);
		const refused = new Request('http://x/', { headers: { 'accept-encoding': 'gzip;q=0' } });
		const response = new Response(big, { headers: { 'content-type': 'application/json' } });
		expect(await compressed(refused, response)).toBe(response);
	});
});
