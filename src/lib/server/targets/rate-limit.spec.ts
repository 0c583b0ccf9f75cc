import { describe, expect, it } from 'vitest';
import { TokenBuckets, analyserKey } from './rate-limit';

describe('TokenBuckets', () => {
	it('allows a burst, then one request per refill interval', () => {
		const buckets = new TokenBuckets({ capacity: 3, refillPerMinute: 6, maxKeys: 100 });
		const t0 = 1_000_000;
		expect([0, 1, 2].map(() => buckets.take('a', t0))).toEqual([0, 0, 0]);
		expect(buckets.take('a', t0)).toBe(10);
		expect(buckets.take('b', t0)).toBe(0);
		expect(buckets.take('a', t0 + 10_000)).toBe(0);
		expect(buckets.take('a', t0 + 10_000)).toBeGreaterThan(0);
	});

	it('forgets addresses beyond its size limit', () => {
		const buckets = new TokenBuckets({ capacity: 1, refillPerMinute: 1, maxKeys: 2 });
		for (const key of ['a', 'b', 'c', 'd']) expect(buckets.take(key, 0)).toBe(0);
		// "a" was forgotten, so it starts with a full bucket again.
		expect(buckets.take('a', 0)).toBe(0);
	});

	it('gives a signed-in learner their own bucket and a visitor their address', () => {
		expect(analyserKey('u1', '10.0.0.1')).toBe('user:u1');
		expect(analyserKey(null, '10.0.0.1')).toBe('ip:10.0.0.1');
		expect(analyserKey(undefined, '10.0.0.1')).toBe('ip:10.0.0.1');
	});
});
