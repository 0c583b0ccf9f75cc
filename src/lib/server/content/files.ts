// Vite inlines every content file into the server bundle (and into vitest), so the running
// app never reads content/ from disk and a build always carries the content it was checked with.
export const contentFiles: Record<string, string> = import.meta.glob<string>('/content/**/*.yaml', {
	query: '?raw',
	import: 'default',
	eager: true
});
