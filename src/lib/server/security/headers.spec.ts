import { describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { cspHeaderValue, securityHeaders, staticHeadersListener } from './headers';

describe('security headers', () => {
	it('send HSTS only when the public origin is https', () => {
		const hsts = (origin: string | undefined) =>
			securityHeaders(origin).find(([name]) => name === 'Strict-Transport-Security')?.[1];
		expect(hsts('https://gapwise.example')).toBe('max-age=31536000; includeSubDomains');
		expect(hsts('http://localhost:3000')).toBeUndefined();
		expect(hsts('http://https.example')).toBeUndefined();
		expect(hsts(undefined)).toBeUndefined();
	});

	it('write the pages’ policy as a header value, keywords quoted', () => {
		const value = cspHeaderValue();
		expect(value).toContain("default-src 'self'");
		expect(value).toContain("img-src 'self' data:");
		expect(value).toContain("style-src 'self' 'unsafe-inline'");
		expect(value).toContain("object-src 'none'");
		expect(value).toContain("frame-ancestors 'none'");
	});

	it('are set on a Node response before anything writes it', () => {
		const set = new Map<string, string>();
		const res = { setHeader: (name: string, value: string) => set.set(name, value) };
		staticHeadersListener('https://gapwise.example')({}, res as unknown as ServerResponse);
		expect(set.get('X-Content-Type-Options')).toBe('nosniff');
		expect(set.get('X-Frame-Options')).toBe('DENY');
		expect(set.get('Strict-Transport-Security')).toMatch(/^max-age=31536000/);
		expect(set.get('Content-Security-Policy')).toBe(cspHeaderValue());
	});
});
