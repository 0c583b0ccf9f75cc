import { describe, expect, it } from 'vitest';
import { deepFreeze } from './freeze';

describe('deepFreeze', () => {
	it('freezes nested objects and arrays, and returns the same value', () => {
		const value = { a: [{ b: 1 }], c: { d: 'x' }, e: null };
		expect(deepFreeze(value)).toBe(value);
		expect(Object.isFrozen(value.a[0])).toBe(true);
		expect(Object.isFrozen(value.c)).toBe(true);
		expect(() => {
			(value.a as { b: number }[]).push({ b: 2 });
		}).toThrow(TypeError);
	});
});
