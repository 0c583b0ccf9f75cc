const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * SvelteKit 2 checks the origin of form posts only; JSON bodies and bodies without a
 * content type pass. This refuses every state-changing request a browser marks as
 * coming from another site. Requests with no Origin and no Sec-Fetch-Site (scripts,
 * curl) cannot be forged by a page, so they pass and rely on the session cookie.
 */
export function isCrossOriginWrite(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== url.origin;
	const site = request.headers.get('sec-fetch-site');
	return site !== null && site !== 'same-origin' && site !== 'none';
}
