import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { contentCheck } from './src/lib/server/content/vite-plugin';
import { reviewIsland } from './src/routes/(app)/review/island-plugin';

export default defineConfig({
	plugins: [contentCheck(), sveltekit(), reviewIsland()],
	test: {
		expect: { requireAssertions: true },
		// Integration tests open real libSQL files; a fixed env keeps $env/dynamic/private stable.
		env: { DATABASE_URL: 'file:data/vitest-default.db' },
		pool: 'forks',
		// Generous: property tests replay many logs, and CI machines can be busy.
		testTimeout: 60_000,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/**/*.spec.ts', 'tests/integration/**/*.test.ts'] }
			},
			{
				// Crash, lock and multi-process tests: they start the production build as real processes.
				extends: true,
				test: {
					name: 'server',
					include: ['tests/server/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 120_000,
					// Their beforeAll hooks start production processes (two, for the reminder job).
					hookTimeout: 120_000
				}
			}
		]
	}
});
