import { expect, test } from '@playwright/test';
import { jsonRequest, registerLearner } from './http';

const TEXT = { text: 'Requirements: strong Python and Docker. Kubernetes is a plus.' };

// Every test here comes from one address, so this spends signed-in allowances only: the
// address's own bucket is left to the visitor tests.
test('a signed-in learner spends their own analyser allowance, not their address', async ({
	request
}) => {
	const a = await registerLearner(request);
	for (let i = 0; i < 10; i += 1) {
		const res = await jsonRequest(request, 'POST', '/api/jd/analyze', a.token, TEXT);
		expect(res.status(), `analysis ${i + 1} of 10`).toBe(200);
	}
	const refused = await jsonRequest(request, 'POST', '/api/jd/analyze', a.token, TEXT);
	expect(refused.status()).toBe(429);
	expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
	expect(((await refused.json()) as { message: string }).message).toMatch(
		/^Too many analyses; try again in \d+ s\.$/
	);

	// Another learner behind the same address is not held back by the first one.
	const b = await registerLearner(request);
	const other = await jsonRequest(request, 'POST', '/api/jd/analyze', b.token, TEXT);
	expect(other.status()).toBe(200);
	expect(((await other.json()) as { skills: { id: string }[] }).skills.length).toBeGreaterThan(0);
});
