// Values shared between requests from a cache are frozen all the way down, so a caller that
// changed one by mistake fails loudly (strict mode) instead of changing every later answer.

export function deepFreeze<T>(value: T): T {
	if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
	Object.freeze(value);
	for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
	return value;
}
