// The core benchmark harness runs under vitest only because the app's modules use Vite
// features (content imported with import.meta.glob). It measures; it asserts no budget.
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: { include: ['bench/core.harness.ts'], testTimeout: 600_000, pool: 'forks' }
});
