import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './origin';

const url = new URL('https://gapwise.example/api/reviews');
const req = (method: string, headers: Record<string, string> = {}) =>
	new Request(url, { method, headers });

describe('isCrossOriginWrite', () => {
	it('lets reads through whatever their origin', () => {
		expect(isCrossOriginWrite(req('GET', { origin: 'https://evil.example' }), url)).toBe(false);
	});
	it('refuses a write from another origin, whatever its content type', () => {
		expect(
			isCrossOriginWrite(
				req('POST', { origin: 'https://evil.example', 'content-type': 'text/plain' }),
				url
			)
		).toBe(true);
		expect(isCrossOriginWrite(req('DELETE', { origin: 'http://gapwise.example' }), url)).toBe(true);
	});
	it('refuses a write a browser marks cross-site even without Origin', () => {
		expect(isCrossOriginWrite(req('POST', { 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
	});
	it('accepts same-origin writes and scripts without browser headers', () => {
		expect(isCrossOriginWrite(req('POST', { origin: 'https://gapwise.example' }), url)).toBe(false);
		expect(isCrossOriginWrite(req('POST'), url)).toBe(false);
	});
});
