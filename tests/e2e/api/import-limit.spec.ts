import { expect, test } from '@playwright/test';
import { jsonRequest, postForm, registerLearner } from './http';

/** IMPORT_BUCKET.capacity in src/lib/server/http/import-limit.ts. */
const ALLOWANCE = 10;
const CARD = {
	text: 'What does docker ps list?\tRunning containers.',
	skillId: 'docker',
	level: '1'
};
const WAIT = /Too many imports in a row; try again in \d+ s\./;

test('imports share one allowance per learner across the import page, settings and the API', async ({
	request
}) => {
	const a = await registerLearner(request);
	for (let i = 0; i < ALLOWANCE; i += 1) {
		const res =
			i % 2 === 0
				? await postForm(request, '/cards/import?/preview', CARD, a.token)
				: await jsonRequest(request, 'POST', '/api/import', a.token, {});
		expect(res.status(), `import ${i + 1} of ${ALLOWANCE}`).not.toBe(429);
		expect(res.status()).toBeLessThan(500);
	}

	const api = await jsonRequest(request, 'POST', '/api/import', a.token, {});
	expect(api.status()).toBe(429);
	expect(Number(api.headers()['retry-after'])).toBeGreaterThan(0);
	expect(((await api.json()) as { message: string }).message).toMatch(
		new RegExp(`^${WAIT.source}$`)
	);

	for (const action of ['/cards/import?/preview', '/cards/import?/confirm', '/settings?/import']) {
		const page = await postForm(request, action, CARD, a.token);
		expect(page.status(), action).toBe(429);
		expect(Number(page.headers()['retry-after']), action).toBeGreaterThan(0);
		expect(await page.text(), action).toMatch(WAIT);
	}

	// Another learner is not held back by the first one.
	const b = await registerLearner(request);
	const other = await postForm(request, '/cards/import?/preview', CARD, b.token);
	expect(other.status()).toBe(200);
	expect(await other.text()).toContain('What does docker ps list?');
});
