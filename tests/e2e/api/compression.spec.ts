import { request as httpRequest } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { ORIGIN } from './http';

/** A raw request: fetch would decompress and hide what went over the wire. */
function get(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
		(resolve, reject) => {
			const req = httpRequest(ORIGIN + path, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers as Record<string, string>,
						body: Buffer.concat(chunks)
					})
				);
			});
			req.on('error', reject);
			req.end();
		}
	);
}

test('pages go out gzip-compressed to a client that accepts it, and plain to one that does not', async () => {
	const zipped = await get('/skills', { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
	expect(zipped.status).toBe(200);
	expect(zipped.headers['content-encoding']).toBe('gzip');
	expect(zipped.headers['vary']).toMatch(/accept-encoding/i);
	expect(zipped.headers['x-content-type-options']).toBe('nosniff');
	const html = gunzipSync(zipped.body).toString('utf8');
	expect(html).toContain('</html>');
	expect(zipped.body.length).toBeLessThan(html.length / 3);

	const plain = await get('/skills');
	expect(plain.headers['content-encoding']).toBeUndefined();
	// The same page but for its per-response CSP nonce.
	const unnonced = (text: string) => text.replace(/nonce(?:-|=")[^'"]+/g, 'nonce');
	expect(unnonced(plain.body.toString('utf8'))).toBe(unnonced(html));

	const refused = await get('/skills', { 'accept-encoding': 'gzip;q=0' });
	expect(refused.headers['content-encoding']).toBeUndefined();
});

test('a compressed JSON answer keeps revalidation: weak ETag, 304 on a match', async () => {
	const first = await get('/api/graph', { 'accept-encoding': 'gzip' });
	expect(first.headers['content-encoding']).toBe('gzip');
	const etag = first.headers['etag']!;
	expect(etag).toMatch(/^W\/"/);
	expect(JSON.parse(gunzipSync(first.body).toString('utf8'))).toHaveProperty('skills');
	const again = await get('/api/graph', { 'accept-encoding': 'gzip', 'if-none-match': etag });
	expect(again.status).toBe(304);
	expect(again.body.length).toBe(0);
});
