// What the app renders goes out gzip-compressed when the client accepts it. adapter-node serves
// the build's static files precompressed, but not pages or JSON: /review carries the day's queue
// inline (about 120 KB of card HTML for a learner back after a month), which on a phone's
// connection decides how soon the first card shows. Lighthouse flagged every page for it.

import { gzipSync } from 'node:zlib';

const COMPRESSIBLE =
	/^(?:text\/|application\/(?:json|javascript|xml|manifest\+json)|image\/svg\+xml)/;
/** Below one packet compression saves nothing worth its CPU (review sync answers are ~1 KB). */
const MIN_BYTES = 1400;

export function acceptsGzip(header: string | null): boolean {
	if (!header) return false;
	return header.split(',').some((part) => {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (name !== 'gzip' && name !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

export async function compressed(request: Request, response: Response): Promise<Response> {
	const { headers } = response;
	if (!response.body || request.method === 'HEAD') return response;
	if (response.status < 200 || response.status === 204 || response.status === 304) return response;
	if (headers.has('content-encoding')) return response;
	if (!COMPRESSIBLE.test(headers.get('content-type') ?? '')) return response;
	if (/\bno-transform\b/.test(headers.get('cache-control') ?? '')) return response;
	const length = Number(headers.get('content-length') ?? NaN);
	if (Number.isFinite(length) && length < MIN_BYTES) return response;
	if (!acceptsGzip(request.headers.get('accept-encoding'))) return response;

	// A body already whole (JSON, a page rendered at once: they carry their length) is
	// compressed in one zlib call: 0.7 ms for a 75 KB queue, against 1.3 ms of CPU through
	// CompressionStream's web streams; zlib's thread pool was slower still end to end (curl on
	// /api/queue, 41 runs). A streamed page keeps streaming.
	const out = Number.isFinite(length)
		? await wholeBody(response)
		: new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
				status: response.status,
				statusText: response.statusText,
				headers
			});
	out.headers.set('content-encoding', 'gzip');
	if (!Number.isFinite(length)) out.headers.delete('content-length');
	out.headers.append('vary', 'Accept-Encoding');
	// Same content, other bytes: a strong ETag would claim byte equality.
	const etag = out.headers.get('etag');
	if (etag && !etag.startsWith('W/')) out.headers.set('etag', `W/${etag}`);
	return out;
}

async function wholeBody(response: Response): Promise<Response> {
	const body = gzipSync(new Uint8Array(await response.arrayBuffer()));
	const out = new Response(body, {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
	out.headers.set('content-length', String(body.byteLength));
	return out;
}
