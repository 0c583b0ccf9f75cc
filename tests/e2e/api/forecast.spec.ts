// GET /api/forecast's contract over HTTP, against the production build: the exact shape,
// 401 signed out, 404 without a target, and each learner's own plan.
import { expect, test } from '@playwright/test';
import { jsonRequest, registerLearner } from './http';

test.describe.configure({ timeout: 90_000 });

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

test('GET /api/forecast: 401 signed out, 404 without a target, the exact shape with one', async ({
	request
}) => {
	const signedOut = await jsonRequest(request, 'GET', '/api/forecast', undefined);
	expect(signedOut.status()).toBe(401);
	expect(await signedOut.json()).toEqual({ message: expect.any(String) });

	const learner = await registerLearner(request);
	const none = await jsonRequest(request, 'GET', '/api/forecast', learner.token);
	expect(none.status()).toBe(404);
	expect(await none.json()).toEqual({ message: expect.stringMatching(/No active target/) });

	const created = await jsonRequest(request, 'POST', '/api/targets', learner.token, {
		name: 'MLOps',
		roleId: 'mlops-engineer',
		active: true
	});
	expect(created.status()).toBe(201);
	const plan = await jsonRequest(request, 'PUT', '/api/plan/settings', learner.token, {
		minutesPerDay: 120
	});
	expect(plan.status()).toBe(200);
	const res = await jsonRequest(request, 'GET', '/api/forecast', learner.token);
	expect(res.status()).toBe(200);
	const body = (await res.json()) as {
		today: { readiness: number };
		points: { date: string; readiness: number; low: number; high: number }[];
		reachesTarget: string | null;
	};
	expect(Object.keys(body).sort()).toEqual(['points', 'reachesTarget', 'today']);
	expect(Object.keys(body.today)).toEqual(['readiness']);
	const gap = (await (await jsonRequest(request, 'GET', '/api/gap', learner.token)).json()) as {
		readiness: number;
	};
	expect(body.today.readiness).toBe(gap.readiness);
	expect(body.points.length).toBeGreaterThan(10);
	for (const p of body.points) {
		expect(Object.keys(p).sort()).toEqual(['date', 'high', 'low', 'readiness']);
		expect(p.date).toMatch(isoDate);
		expect(p.low).toBeLessThanOrEqual(p.readiness);
		expect(p.readiness).toBeLessThanOrEqual(p.high);
		expect(p.low).toBeGreaterThanOrEqual(0);
		expect(p.high).toBeLessThanOrEqual(1);
	}
	const dates = body.points.map((p) => p.date);
	expect([...dates].sort()).toEqual(dates);
	// From nothing, a whole role takes longer than the 90 days shown without a target date.
	expect(body.reachesTarget).toBeNull();
	expect(body.points.at(-1)!.readiness).toBeGreaterThan(body.today.readiness);

	// Another learner without a target still gets their own 404, not this plan.
	const other = await registerLearner(request);
	expect((await jsonRequest(request, 'GET', '/api/forecast', other.token)).status()).toBe(404);
});
