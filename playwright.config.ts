import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://localhost:${PORT}`;

// Debian's chromium: browser downloads are impossible on these machines.
const launchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: process.env.CI ? 1 : 0,
	reporter: process.env.CI ? 'line' : 'list',
	// Whole journeys (register → rate → plan …) on 2 shared cores, two browsers and the server
	// at once: 15–22 s on a quiet run, so 30 s left no room for a busy CI host.
	timeout: 60_000,
	use: { baseURL: origin, trace: 'retain-on-failure', launchOptions },
	projects: [
		// Attack, fault and contract tests need no screen: they run once, not per device.
		{ name: 'api', testMatch: 'api/**/*.spec.ts' },
		{
			name: 'phone',
			testIgnore: 'api/**',
			use: {
				...devices['Pixel 7'],
				viewport: { width: 390, height: 844 },
				isMobile: true,
				hasTouch: true,
				launchOptions
			}
		},
		{
			// Phone first: a test runs on the desktop too only where the wide layout or the
			// keyboard is the point (tagged @desktop); elsewhere it would repeat the phone run.
			name: 'desktop',
			testIgnore: 'api/**',
			grep: /@desktop/,
			use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions }
		}
	],
	webServer: {
		// A fresh database for every run: the suite must pass from nothing.
		command: 'rm -rf data/e2e && node scripts/start.js',
		url: origin,
		reuseExistingServer: false,
		timeout: 60_000,
		env: { PORT: String(PORT), ORIGIN: origin, DATABASE_URL: 'file:data/e2e/app.db' }
	}
});
