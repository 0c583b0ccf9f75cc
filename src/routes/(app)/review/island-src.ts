/**
 * Where the review island's script is served: Vite's dev server compiles the source on
 * request; a build writes the entry at a fixed address (src/lib/build/review-island.ts), and the code it
 * imports under content-hashed names.
 */
export const ISLAND_SRC = import.meta.env.DEV
	? '/src/routes/(app)/review/island.ts'
	: '/_app/review.js';
