// Adds the review page's island (island.ts) to SvelteKit's client build as one more entry,
// so it shares the build's hashed chunks and the service worker's list of files. Its entry is written at a fixed address: the server renders the page before
// the client build exists, so it cannot know a hashed name; the entry is a few imports, and
// everything it imports is content-hashed and cached for good.
import type { Plugin } from 'vite';

/** The island's source, from the project's root (Vite's dev server serves it at that path). */
export const ISLAND_ENTRY = 'src/routes/(app)/review/island.ts';
/** Where a build writes the island's entry, in the client's output. */
export const ISLAND_FILE = '_app/review.js';
const NAME = 'review-island';

export function reviewIsland(): Plugin {
	return {
		name: 'gapwise-review-island',
		apply: 'build',
		options(options) {
			const input = options.input;
			// Only SvelteKit's client build has a start entry; the server build is left alone.
			if (!input || Array.isArray(input) || typeof input === 'string') return;
			if (!('entry/start' in input)) return;
			return { ...options, input: { ...input, [NAME]: ISLAND_ENTRY } };
		},
		outputOptions(output) {
			const named = output.entryFileNames;
			if (named === undefined) return;
			return {
				...output,
				entryFileNames: (chunk) =>
					chunk.name === NAME ? ISLAND_FILE : typeof named === 'function' ? named(chunk) : named
			};
		}
	};
}
