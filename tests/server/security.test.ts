import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, tempDbFile, type AppProcess } from './app-process';
import { EVERY_RESPONSE, rawRequest, staticPaths } from '../fixtures/raw-http';

// Started as `npm start` starts it, behind an https ORIGIN (as behind a TLS proxy), on a fresh
// database: the registration allowance of 127.0.0.1 here is this file's alone.
const PORT = 4521;
const LOCAL = `http://localhost:${PORT}`;
const PUBLIC = `https://localhost:${PORT}`;
let app: AppProcess;

beforeAll(async () => {
	app = await startApp(PORT, tempDbFile(), {
		entry: 'scripts/start.js',
		env: { ORIGIN: PUBLIC }
	});
});
afterAll(async () => {
	await app?.kill();
});

function register(fields: Record<string, string>) {
	return rawRequest(LOCAL + '/register', {
		method: 'POST',
		headers: {
			origin: PUBLIC,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(fields).toString()
	});
}

describe('behind an https ORIGIN', () => {
	it('sends HSTS and the security headers on pages and static files alike', async () => {
		for (const path of ['/', '/login', ...(await staticPaths(LOCAL))]) {
			const res = await rawRequest(LOCAL + path);
			expect(res.status, path).toBe(200);
			expect(res.headers, path).toMatchObject({
				...EVERY_RESPONSE,
				'strict-transport-security': 'max-age=31536000; includeSubDomains'
			});
			expect(String(res.headers['content-security-policy']), path).toContain("default-src 'self'");
		}
	});
});

describe('registration from one address', () => {
	it('answers "taken" a few times, then waits with a 429 and keeps the fields', async () => {
		const password = 'correct horse battery staple';
		expect((await register({ username: 'owner1', password })).status).toBe(303);
		const answers: number[] = [];
		for (let i = 0; i < 6; i += 1) {
			const res = await register({ username: 'OWNER1', password });
			answers.push(res.status);
			expect(res.body).toContain('That username is taken');
		}
		expect(answers).toEqual([400, 400, 400, 400, 400, 400]);

		const refused = await register({
			username: 'newcomer',
			email: 'newcomer@example.com',
			password: 'a secret passphrase'
		});
		expect(refused.status).toBe(429);
		expect(refused.body).toMatch(/Too many sign-up attempts from your network\. Wait \d+ s/);
		expect(refused.body).toContain('value="newcomer"');
		expect(refused.body).toContain('value="newcomer@example.com"');
		expect(refused.body).not.toContain('a secret passphrase');
	});
});
