import { describe, expect, it } from 'vitest';
import { intervalLabel } from './interval';

const at = new Date('2025-03-01T09:00:00Z');
const plus = (ms: number) => new Date(at.getTime() + ms);

describe('interval labels', () => {
	it('reads like the grade buttons of other apps', () => {
		expect(intervalLabel(at, plus(60_000))).toBe('1m');
		expect(intervalLabel(at, plus(10 * 60_000))).toBe('10m');
		expect(intervalLabel(at, plus(3 * 3600_000))).toBe('3h');
		expect(intervalLabel(at, plus(4 * 86_400_000))).toBe('4d');
		expect(intervalLabel(at, plus(76 * 86_400_000))).toBe('2.5mo');
		expect(intervalLabel(at, plus(438 * 86_400_000))).toBe('1.2y');
		expect(intervalLabel(at, at)).toBe('1m');
	});
});
