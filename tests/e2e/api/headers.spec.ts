import { expect, test } from '@playwright/test';
import { ORIGIN } from './http';
import { EVERY_RESPONSE, rawRequest, staticPaths } from '../../fixtures/raw-http';

test('static files carry the security headers the pages carry, without HSTS on http', async () => {
	const paths = await staticPaths(ORIGIN);
	for (const path of ['/', '/login', ...paths]) {
		const res = await rawRequest(ORIGIN + path, { headers: { 'accept-encoding': 'gzip, br' } });
		expect(res.status, path).toBe(200);
		expect(res.headers, path).toMatchObject(EVERY_RESPONSE);
		const csp = String(res.headers['content-security-policy']);
		expect(csp, path).toContain("frame-ancestors 'none'");
		expect(csp, path).toContain("script-src 'self'");
		expect(csp, path).not.toContain('unsafe-eval');
		// ORIGIN is plain http here: HSTS would be ignored, and must not be sent.
		expect(res.headers['strict-transport-security'], path).toBeUndefined();
	}
	// A page keeps SvelteKit's own policy, with the nonce of its inline script.
	const page = await rawRequest(ORIGIN + '/login');
	expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self' 'nonce-/);
});
