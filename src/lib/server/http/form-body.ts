// Form posts, screened before SvelteKit parses them. The server's BODY_SIZE_LIMIT must let an
// account import (50 MB) through, and SvelteKit reads any form body whole, so without this every
// form action anywhere would accept 50 MB. Only the doors that take files get more than a
// megabyte. A urlencoded field that is not UTF-8 would otherwise arrive as U+FFFD and be saved.
import { MB, formatBytes, readBody } from './body';

/** Forms that carry files: the account restore (settings) and the card import. */
const FILE_DOORS: Record<string, number> = {
	'/settings': 51 * MB,
	'/cards/import': 2 * MB
};
export const MAX_FORM_BYTES = 1 * MB;

const FORM_TYPES = /^(?:application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type Screened =
	{ ok: true; request: Request } | { ok: false; status: 400 | 413; message: string };

export function formLimit(pathname: string): number {
	return FILE_DOORS[pathname] ?? MAX_FORM_BYTES;
}

/** Every name and value of a urlencoded body decodes as UTF-8 (URLSearchParams would not say). */
export function isStrictUrlencoded(bytes: Uint8Array): boolean {
	// Percent-escapes are ASCII; raw bytes above 0x7F are not valid in this encoding at all.
	if (bytes.some((b) => b > 0x7f)) return false;
	const text = new TextDecoder().decode(bytes);
	try {
		for (const part of text.split(/[&=]/)) decodeURIComponent(part.replaceAll('+', ' '));
		return true;
	} catch {
		return false;
	}
}

/**
 * The request to hand on (re-made from the bytes read when they had to be read), or why it is
 * refused. JSON and other bodies pass untouched: their endpoints read them under their own limits.
 */
export async function screenFormBody(request: Request, pathname: string): Promise<Screened> {
	const type = request.headers.get('content-type') ?? '';
	if (!WRITES.has(request.method) || !FORM_TYPES.test(type)) return { ok: true, request };
	const limit = formLimit(pathname);
	const tooLarge = {
		ok: false,
		status: 413,
		message: `The form is over this page’s limit of ${formatBytes(limit)}.`
	} as const;
	const declared = request.headers.get('content-length');
	if (declared !== null && Number(declared) > limit) return tooLarge;
	const urlencoded = type.toLowerCase().startsWith('application/x-www-form-urlencoded');
	// A multipart body of a declared, allowed size is left to SvelteKit to stream.
	if (!urlencoded && declared !== null) return { ok: true, request };
	const bytes = await readBody(request, limit);
	if (!bytes) return tooLarge;
	if (urlencoded && !isStrictUrlencoded(bytes))
		return { ok: false, status: 400, message: 'The form’s text is not valid UTF-8.' };
	const again = new Request(request.url, {
		method: request.method,
		headers: request.headers,
		body: bytes as BodyInit,
		signal: request.signal
	});
	return { ok: true, request: again };
}

/** A refusal in the shape the page's form expects: an action result for use:enhance, else text. */
export function refusal(request: Request, status: number, message: string): Response {
	// A refused body may be partly unread: the client must not send its next request after it.
	const headers = status === 413 ? { connection: 'close' } : undefined;
	if (request.headers.has('x-sveltekit-action'))
		return Response.json({ type: 'error', status, error: { message } }, { status, headers });
	if ((request.headers.get('accept') ?? '').includes('application/json'))
		return Response.json({ message }, { status, headers });
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }
	});
}
