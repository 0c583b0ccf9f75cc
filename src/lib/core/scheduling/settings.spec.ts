import { describe, expect, it } from 'vitest';
import { formatSteps, parseSteps, stepMinutes } from './settings';

describe('learning steps', () => {
	it('parses minutes and hours below a day', () => {
		expect(parseSteps('1m 10m')).toEqual(['1m', '10m']);
		expect(parseSteps('1m, 1h')).toEqual(['1m', '1h']);
		expect(parseSteps('')).toEqual([]);
		expect(stepMinutes('2h')).toBe(120);
	});

	it('rejects days, zero, junk and too many steps', () => {
		expect(parseSteps('1d')).toBeNull();
		expect(parseSteps('24h')).toBeNull();
		expect(parseSteps('0m')).toBeNull();
		expect(parseSteps('ten')).toBeNull();
		expect(parseSteps('1m 2m 3m 4m 5m 6m')).toBeNull();
	});

	it('formats back to the text the form shows', () => {
		expect(formatSteps(['1m', '10m'])).toBe('1m 10m');
	});
});
