import { describe, expect, it } from 'vitest';
import type { Rollup } from 'vite';
import { ISLAND_ENTRY, ISLAND_FILE, reviewIsland } from './island-plugin';

type InputOptions = Rollup.InputOptions;
type OutputOptions = Rollup.OutputOptions;
type Hook<T> = (this: unknown, options: T) => T | null | undefined;
const plugin = reviewIsland();
const options = (input: InputOptions) => (plugin.options as Hook<InputOptions>).call({}, input);
const output = (out: OutputOptions) => (plugin.outputOptions as Hook<OutputOptions>).call({}, out);
const chunk = (name: string) => ({ name }) as Rollup.PreRenderedChunk;

describe('reviewIsland', () => {
	it("adds the island to SvelteKit's client build only", () => {
		const client = { input: { 'entry/start': 'start.js', 'entry/app': 'app.js' } };
		expect(options(client)?.input).toEqual({ ...client.input, 'review-island': ISLAND_ENTRY });
		expect(options({ input: { index: 'server.js' } })).toBeUndefined();
		expect(options({ input: 'one.js' })).toBeUndefined();
	});

	it('writes the island at its fixed address and every other entry as before', () => {
		const names = output({ entryFileNames: '_app/immutable/[name].[hash].js' })?.entryFileNames;
		if (typeof names !== 'function') throw new Error('expected a function');
		expect(names(chunk('review-island'))).toBe(ISLAND_FILE);
		expect(names(chunk('entry/start'))).toBe('_app/immutable/[name].[hash].js');
		expect(output({})).toBeUndefined();
	});
});
