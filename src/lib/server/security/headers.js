// The security headers, in one place for the three things that send them: SvelteKit's CSP for
// pages (svelte.config.js), the `handle` hook for everything SvelteKit renders, and
// scripts/start.js for the files adapter-node serves before SvelteKit sees the request
// (static/, _app/immutable, the service worker). Plain JavaScript, so the start script can
// import it without a build step.

/**
 * The Content-Security-Policy of every page. SvelteKit adds a nonce for its own inline script.
 * @type {Record<string, string[]>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self', 'unsafe-inline'],
	'img-src': ['self', 'data:'],
	'font-src': ['self'],
	'connect-src': ['self'],
	'manifest-src': ['self'],
	'worker-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self'],
	'frame-ancestors': ['none']
};

const KEYWORDS = new Set(['self', 'none', 'unsafe-inline', 'unsafe-eval', 'strict-dynamic']);

/**
 * The same policy as a header value, for files served without SvelteKit. It has no nonce, so
 * no inline script runs in an SVG or HTML file opened directly; a script such as the service
 * worker is still allowed what the pages are (same-origin fetches).
 * @param {Record<string, string[]>} directives
 */
export function cspHeaderValue(directives = CSP_DIRECTIVES) {
	return Object.entries(directives)
		.map(([name, values]) =>
			[name, ...values.map((v) => (KEYWORDS.has(v) ? `'${v}'` : v))].join(' ')
		)
		.join('; ');
}

/**
 * Headers every response carries, pages and static files alike. HSTS only when the public
 * origin is https: over plain http a browser ignores it, and a local http install must not
 * tell a browser to insist on https for its host.
 * @param {string | undefined} origin the app's public origin (`ORIGIN`)
 * @returns {[string, string][]}
 */
export function securityHeaders(origin) {
	/** @type {[string, string][]} */
	const headers = [
		['X-Content-Type-Options', 'nosniff'],
		['Referrer-Policy', 'strict-origin-when-cross-origin'],
		['X-Frame-Options', 'DENY'],
		['Permissions-Policy', 'camera=(), microphone=(), geolocation=()']
	];
	if (origin?.startsWith('https:')) {
		headers.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
	}
	return headers;
}

/**
 * Sets the headers of static files on a Node response before adapter-node's handler writes
 * it. A response SvelteKit renders sets its own values afterwards (its CSP carries a nonce),
 * and those win.
 * @param {string | undefined} origin
 * @returns {(req: unknown, res: import('node:http').ServerResponse) => void}
 */
export function staticHeadersListener(origin) {
	/** @type {[string, string][]} */
	const headers = [...securityHeaders(origin), ['Content-Security-Policy', cspHeaderValue()]];
	return (_req, res) => {
		for (const [name, value] of headers) res.setHeader(name, value);
	};
}
