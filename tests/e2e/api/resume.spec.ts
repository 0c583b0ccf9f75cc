// POST /api/resume/analyze's contract over HTTP, against the production build: 401 JSON signed
// out, the JD analyser's validation and size limit, the exact answer with and without a posting.
import { expect, test } from '@playwright/test';
import { jsonRequest, registerLearner } from './http';

test.describe.configure({ timeout: 90_000 });

const CV = 'Experience\n- Built and deployed PyTorch models in production.\nSkills\nPython';

test('POST /api/resume/analyze: 401, 400, the exact answer, missingTerms only with a posting', async ({
	request
}) => {
	const signedOut = await jsonRequest(request, 'POST', '/api/resume/analyze', undefined, {
		text: CV
	});
	expect(signedOut.status()).toBe(401);
	expect(await signedOut.json()).toEqual({ message: expect.any(String) });

	const learner = await registerLearner(request);
	const post = (body: unknown) =>
		jsonRequest(request, 'POST', '/api/resume/analyze', learner.token, body);
	for (const [body, message] of [
		[{}, /text/],
		[{ text: '   ' }, /Paste your CV first/],
		[{ text: 'x'.repeat(20_001) }, /at most 20,000 characters/]
	] as const) {
		const bad = await post(body);
		expect(bad.status()).toBe(400);
		const answer = (await bad.json()) as { message: string };
		expect(answer.message).toMatch(message);
		// An error never echoes the CV.
		expect(JSON.stringify(answer)).not.toContain('xxxxxxxxxx');
	}

	// No target: no posting to compare with, so no missingTerms.
	const alone = await post({ text: CV });
	expect(alone.status()).toBe(200);
	expect(await alone.json()).toEqual({
		skills: [
			{ id: 'pytorch', level: 3, evidence: 'Built and deployed PyTorch models in production.' },
			{ id: 'python', level: 2, evidence: 'Python' }
		]
	});

	const target = await jsonRequest(request, 'POST', '/api/targets', learner.token, {
		name: 'From a posting',
		jdText: 'Requirements\n- Strong Python, PyTorch and Docker.\n- LangSmith for tracing.',
		skills: [{ id: 'python', targetLevel: 3, importance: 'must' }],
		active: true
	});
	expect(target.status()).toBe(201);
	const compared = (await (await post({ text: CV })).json()) as Record<string, unknown>;
	expect(Object.keys(compared).sort()).toEqual(['missingTerms', 'skills']);
	expect((compared.missingTerms as string[]).sort()).toEqual(['Docker', 'LangSmith']);
});
