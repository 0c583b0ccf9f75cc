import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseByteSize } from '$lib/server/http/body';
import { MAX_IMPORT_BYTES } from '$lib/server/reviews/portable';

describe('body limits', () => {
	it('the server lets through exactly the largest body a door accepts: an account import', () => {
		const start = readFileSync('scripts/start.js', 'utf8');
		const configured = /BODY_SIZE_LIMIT \|\|= '(\w+)'/.exec(start)?.[1];
		expect(configured).toBeDefined();
		expect(parseByteSize(configured!)).toBe(MAX_IMPORT_BYTES);
	});

	it('reads sizes as adapter-node does', () => {
		expect(parseByteSize('512K')).toBe(524_288);
		expect(parseByteSize('2M')).toBe(2_097_152);
		expect(parseByteSize('1000')).toBe(1000);
		expect(parseByteSize('Infinity')).toBe(Infinity);
	});
});
