import { describe, expect, it } from 'vitest';
import { IMPORT_BUCKET, refuseImport } from './import-limit';

function event() {
	const headers: Record<string, string> = {};
	return { headers, setHeaders: (h: Record<string, string>) => Object.assign(headers, h) };
}

describe('refuseImport', () => {
	it('allows a burst per learner, then refuses with Retry-After and a message', () => {
		const t0 = 5_000_000;
		for (let i = 0; i < IMPORT_BUCKET.capacity; i += 1) {
			const e = event();
			expect(refuseImport(e, 'learner-a', t0), `import ${i + 1}`).toBeNull();
			expect(e.headers).toEqual({});
		}
		const refused = event();
		expect(refuseImport(refused, 'learner-a', t0)).toBe(
			'Too many imports in a row; try again in 10 s.'
		);
		expect(refused.headers).toEqual({ 'retry-after': '10' });

		// Another learner has their own allowance; the first gets one back after the wait.
		expect(refuseImport(event(), 'learner-b', t0)).toBeNull();
		expect(refuseImport(event(), 'learner-a', t0 + 10_000)).toBeNull();
		expect(refuseImport(event(), 'learner-a', t0 + 10_000)).not.toBeNull();
	});
});
