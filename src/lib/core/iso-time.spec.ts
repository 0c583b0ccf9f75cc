import { describe, expect, it } from 'vitest';
import { parseIsoTime } from './iso-time';

describe('ISO times', () => {
	it('reads times with a zone', () => {
		expect(parseIsoTime('2024-02-29T23:30:00+01:00')?.toISOString()).toBe(
			'2024-02-29T22:30:00.000Z'
		);
		expect(parseIsoTime('2025-03-20T12:00:00.000Z')?.toISOString()).toBe(
			'2025-03-20T12:00:00.000Z'
		);
	});

	it('refuses days that do not exist instead of rolling them over', () => {
		for (const text of ['2026-02-30T00:00:00Z', '2025-02-29T09:00:00Z', '2025-04-31T00:00:00Z'])
			expect(parseIsoTime(text), text).toBeNull();
	});

	it('refuses times without a zone and other text', () => {
		for (const text of ['2025-03-20T12:00:00', '2025-03-20', 'yesterday', ''])
			expect(parseIsoTime(text), text).toBeNull();
	});
});
