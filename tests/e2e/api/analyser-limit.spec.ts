import { expect, test } from '@playwright/test';
import { jsonRequest, postForm, registerLearner } from './http';

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

const POSTING = `Senior Software Engineer, GPU Inference
Requirements
- Deep expertise in CUDA and C++.
- Strong Python for our tooling.`;

// Issue 15: /start's analysis was unthrottled, and a target's page re-ran the analyser on every
// load. Now every door spends the one allowance, and a saved target keeps its analysis.
test('every door to the analyser spends one allowance; a saved target never runs it again', async ({
	request
}) => {
	const a = await registerLearner(request);
	// Saving from /start keeps the analysis with the target (this spends one analysis).
	const saved = await postForm(
		request,
		'/start?/save',
		{
			text: POSTING,
			name: 'GPU inference',
			skill: 'python',
			'keep:python': 'on',
			'level:python': '3',
			'importance:python': 'must'
		},
		a.token
	);
	expect(saved.status()).toBe(303);
	// A target created through the JSON API with a posting (one never analysed) has no analysis.
	const fromApi = await jsonRequest(request, 'POST', '/api/targets', a.token, {
		name: 'From the API',
		jdText: `${POSTING}\n- Docker in production.`,
		skills: [{ id: 'docker', targetLevel: 2, importance: 'must' }],
		active: false
	});
	expect(fromApi.status()).toBe(201);
	const apiId = ((await fromApi.json()) as { id: string }).id;
	const list = (await (await jsonRequest(request, 'GET', '/api/targets', a.token)).json()) as {
		targets: { id: string; name: string }[];
	};
	const savedId = list.targets.find((t) => t.name === 'GPU inference')!.id;

	// /start and the JSON API take turns until the allowance is spent.
	let allowed = 0;
	for (let i = 0; i < 12; i += 1) {
		const res =
			i % 2 === 0
				? await postForm(request, '/start?/analyze', { text: `${POSTING} ${i}` }, a.token)
				: await jsonRequest(request, 'POST', '/api/jd/analyze', a.token, { text: POSTING });
		if (res.status() === 429) break;
		expect(res.status(), `door ${i}`).toBe(200);
		allowed += 1;
	}
	// Ten in all, the save included (one more may have refilled meanwhile).
	expect(allowed).toBeGreaterThanOrEqual(9);
	expect(allowed).toBeLessThanOrEqual(10);
	const start = await postForm(request, '/start?/analyze', { text: POSTING }, a.token);
	expect(start.status()).toBe(429);
	expect(await start.text()).toMatch(/Too many analyses; try again in \d+ seconds\./);
	expect((await postForm(request, '/analyze', { text: POSTING }, a.token)).status()).toBe(429);

	// The saved target still shows its quotes and reasons: it needs no analysis.
	const page = await jsonRequest(request, 'GET', `/targets/${savedId}`, a.token);
	expect(page.status()).toBe(200);
	const html = await page.text();
	expect(html).toContain('Strong Python for our tooling.');
	expect(html).toMatch(/Level \d: /);
	// The API-made target would need one: it shows without quotes until the allowance refills.
	const waiting = await jsonRequest(request, 'GET', `/targets/${apiId}`, a.token);
	expect(waiting.status()).toBe(200);
	expect(await waiting.text()).toMatch(/Too many analyses; try again in \d+ seconds\./);
});
