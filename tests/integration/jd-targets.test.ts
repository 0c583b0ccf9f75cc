// Issue 15: the analyser runs only through the caller's one allowance, and a target keeps its
// analysis, so showing it never runs the analyser again. A target saved without one (before
// migration 0007, or through POST /api/targets) gets it once, on first view, from the allowance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import {
	analyseFor,
	analysisOfTarget,
	createTarget,
	getTarget,
	proposedName,
	reuseFor,
	storedAnalysis
} from '$lib/server/targets';
import { analyzeText } from '$lib/server/targets/analyze';
import { JD_BUCKET } from '$lib/server/targets/rate-limit';

const POSTING = `Senior Software Engineer, GPU Inference
Requirements
- Deep expertise in CUDA and C++.
- Strong Python.
Nice to have
- Kubernetes is a plus.`;

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

/** Spends what is left of a caller's allowance (buckets are per learner); never more than it holds. */
function spendAll(userId: string) {
	const caller = { userId, address: '10.0.0.1' };
	let taken = 0;
	while (analyseFor(caller, `Requirements: Python ${taken}`).ok) {
		taken += 1;
		expect(taken).toBeLessThanOrEqual(JD_BUCKET.capacity);
	}
}

describe('the allowance', () => {
	it('refuses a fresh analysis once spent, but re-reads one the caller just made', () => {
		const caller = { userId: 'allowance-learner', address: '10.0.0.1' };
		const first = analyseFor(caller, POSTING);
		expect(first.ok).toBe(true);
		spendAll(caller.userId);
		// The review steps of /start read the analysis already paid for.
		expect(reuseFor(caller, POSTING)).toMatchObject({ ok: true });
		expect(reuseFor(caller, `${POSTING}\n- Docker`)).toMatchObject({ ok: false });
		// Another caller paid for nothing: the memory is per caller.
		const other = { userId: 'someone-else', address: '10.0.0.1' };
		spendAll(other.userId);
		expect(reuseFor(other, POSTING)).toMatchObject({ ok: false });
	});
});

describe('a target keeps its analysis', () => {
	it('stores the analysis made while saving and shows it without the allowance', async () => {
		const user = await makeUser(t.db);
		const made = analyseFor({ userId: user.id, address: '10.0.0.2' }, POSTING);
		if (!made.ok) throw new Error('allowance');
		const row = await createTarget(
			t.db,
			user.id,
			{
				name: made.analysis.title!,
				jdText: POSTING,
				jdAnalysis: storedAnalysis(made.analysis),
				skills: [{ id: 'python', targetLevel: 3, importance: 'must', weight: 1 }],
				active: true
			},
			new Date('2026-03-01T00:00:00Z')
		);
		spendAll(user.id);
		const saved = (await getTarget(t.db, user.id, row.id))!;
		const found = await analysisOfTarget(t.db, { userId: user.id, address: '10.0.0.2' }, saved);
		expect(found.state).toBe('kept');
		if (found.state !== 'kept') return;
		expect(found.analysis.title).toBe('Senior Software Engineer, GPU Inference');
		expect(found.analysis.skills.find((s) => s.id === 'python')?.evidence).toEqual([
			'Strong Python.'
		]);
	});

	it('makes the analysis of an older target once, from the allowance, and keeps it', async () => {
		const user = await makeUser(t.db);
		const caller = { userId: user.id, address: '10.0.0.3' };
		const row = await createTarget(
			t.db,
			user.id,
			{
				name: 'Saved before analyses were kept',
				jdText: POSTING,
				skills: [{ id: 'python', targetLevel: 3, importance: 'must', weight: 1 }],
				active: true
			},
			new Date('2026-03-01T00:00:00Z')
		);
		expect(row.jdAnalysis).toBeNull();
		const first = await analysisOfTarget(t.db, caller, row);
		expect(first.state).toBe('kept');
		const stored = (await getTarget(t.db, user.id, row.id))!;
		expect(stored.jdAnalysis?.skills.map((s) => s.id)).toContain('python');
		// Later views cost nothing: the allowance is spent, the analysis is still there.
		spendAll(user.id);
		expect((await analysisOfTarget(t.db, caller, stored)).state).toBe('kept');
	});

	it('shows an older target without quotes while the allowance is spent', async () => {
		const user = await makeUser(t.db);
		const caller = { userId: user.id, address: '10.0.0.4' };
		const row = await createTarget(
			t.db,
			user.id,
			{
				name: 'From the JSON API',
				jdText: POSTING,
				skills: [{ id: 'docker', targetLevel: 2, importance: 'must', weight: 1 }],
				active: true
			},
			new Date('2026-03-01T00:00:00Z')
		);
		spendAll(user.id);
		const found = await analysisOfTarget(t.db, caller, row);
		expect(found.state).toBe('waiting');
		if (found.state === 'waiting') expect(found.wait).toBeGreaterThan(0);
		expect((await getTarget(t.db, user.id, row.id))!.jdAnalysis).toBeNull();
	});

	it('has nothing to analyse for a target from a role profile', async () => {
		const user = await makeUser(t.db);
		const row = await createTarget(
			t.db,
			user.id,
			{
				name: 'Role',
				roleId: 'mle-ii',
				jdAnalysis: null,
				skills: [{ id: 'python', targetLevel: 3, importance: 'must', weight: 1 }],
				active: true
			},
			new Date('2026-03-01T00:00:00Z')
		);
		expect(await analysisOfTarget(t.db, { userId: user.id, address: 'x' }, row)).toEqual({
			state: 'none'
		});
	});
});

describe('the proposed target name', () => {
	it("is the posting's job title, else what it asks for most", () => {
		expect(proposedName(analyzeText(POSTING))).toBe('Senior Software Engineer, GPU Inference');
		const untitled = analyzeText(
			'Requirements\n- Kubernetes in production\n- Kubernetes operators\n- Python'
		);
		expect(proposedName(untitled)).toBe('Kubernetes & Helm and Python programming role');
	});
});
