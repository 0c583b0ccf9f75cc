import { ISLAND_ENTRY, ISLAND_FILE } from './island-plugin';

/**
 * Where the page loads the review island from: Vite's dev server compiles the source on
 * request; a build writes the entry at a fixed address, and the code it imports under
 * content-hashed names.
 */
export const ISLAND_SRC = `/${import.meta.env.DEV ? ISLAND_ENTRY : ISLAND_FILE}`;
