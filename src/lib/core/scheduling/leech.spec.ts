import { describe, expect, it } from 'vitest';
import { flagsAfter, leechLevel } from './leech';

const clear = { suspended: false, leech: false };

describe('leeches', () => {
	it('flags and suspends at 8 lapses, then every 4 more', () => {
		expect(leechLevel(7)).toBe(0);
		expect(leechLevel(8)).toBe(1);
		expect(leechLevel(11)).toBe(1);
		expect(leechLevel(12)).toBe(2);
		expect(flagsAfter(7, 8, clear)).toEqual({ suspended: true, leech: true });
		expect(flagsAfter(8, 9, clear)).toEqual(clear);
		expect(flagsAfter(11, 12, clear)).toEqual({ suspended: true, leech: true });
	});

	it('lifts the flag when the lapse that made the leech is undone', () => {
		expect(flagsAfter(8, 7, { suspended: true, leech: true })).toEqual(clear);
		// A card the learner suspended by hand stays suspended.
		expect(flagsAfter(5, 4, { suspended: true, leech: false })).toEqual({
			suspended: true,
			leech: false
		});
	});
});
