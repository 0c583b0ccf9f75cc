// Issue 14, "start from the learner's CV": the CV service against a real libSQL file — proposed
// levels with their evidence, the active posting's terms the CV never uses, the API's answer,
// and the CV kept only on request: in the export and import, deleted with the account, never in
// a log line or an error.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { stranger } from '../fixtures/clients';
import * as table from '$lib/server/db/schema';
import { deleteUser } from '$lib/server/auth/user';
import { createTarget, roleSkills } from '$lib/server/targets';
import { getGraph } from '$lib/server/content';
import { exportLearner, importLearner } from '$lib/server/reviews/portable';
import { JD_BUCKET } from '$lib/server/targets/rate-limit';
import {
	analyseResumeFor,
	forgetResume,
	keepOnlyIfAsked,
	keepResume,
	keptResume,
	resumeJson
} from '$lib/server/resume';

const POSTING = `Machine Learning Engineer
Requirements
- Strong Python and PyTorch.
- Docker and Kubernetes in production.
- Experience with LangSmith for tracing.`;

const CV = `Experience
- Built and deployed PyTorch models in production.
- Led the move of our services to Kubernetes.
Skills
Python, SQL`;

const NOW = new Date('2026-03-02T09:00:00Z');

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const callerOf = (userId: string) => ({ userId, address: '10.0.0.7' });

async function withPosting() {
	const user = await makeUser(t.db);
	await createTarget(
		t.db,
		user.id,
		{
			name: 'ML engineer at Acme',
			jdText: POSTING,
			skills: [{ id: 'python', targetLevel: 3, importance: 'must', weight: 1 }],
			active: true
		},
		NOW
	);
	return user;
}

describe('analyseResumeFor', () => {
	it('proposes levels with evidence and lists the posting terms the CV never uses', async () => {
		const user = await withPosting();
		const made = await analyseResumeFor(t.db, callerOf(user.id), CV);
		if (!made.ok) throw new Error('allowance spent');
		const answer = resumeJson(made.reading);
		expect(Object.keys(answer).sort()).toEqual(['missingTerms', 'skills']);
		const byId = new Map(answer.skills.map((s) => [s.id, s]));
		expect(byId.get('pytorch')).toEqual({
			id: 'pytorch',
			level: 3,
			evidence: 'Built and deployed PyTorch models in production.'
		});
		expect(byId.get('kubernetes')).toMatchObject({ level: 4 });
		expect(byId.get('python')).toMatchObject({ level: 2, evidence: 'Python, SQL' });
		for (const s of answer.skills)
			expect(Object.keys(s).sort()).toEqual(['evidence', 'id', 'level']);
		// Named in the posting, not in the CV: a known skill and a term the map has no skill for.
		expect(answer.missingTerms).toEqual(expect.arrayContaining(['Docker', 'LangSmith']));
		for (const used of ['Python', 'PyTorch', 'Kubernetes'])
			expect(answer.missingTerms).not.toContain(used);
		// Reading the posting kept its analysis with the target; the CV itself was not kept.
		const [target] = await t.db.select().from(table.target).where(eq(table.target.userId, user.id));
		expect(target?.jdAnalysis).not.toBeNull();
		expect(await keptResume(t.db, user.id)).toBeNull();
	});

	it('leaves missingTerms out when the active target came from no posting', async () => {
		const user = await makeUser(t.db);
		const role = getGraph().roles[0]!;
		await createTarget(
			t.db,
			user.id,
			{ name: role.name, roleId: role.id, skills: roleSkills(role), active: true },
			NOW
		);
		const made = await analyseResumeFor(t.db, callerOf(user.id), CV);
		if (!made.ok) throw new Error('allowance spent');
		expect(made.reading.posting).toBeNull();
		expect(resumeJson(made.reading)).not.toHaveProperty('missingTerms');
		const none = await makeUser(t.db);
		const alone = await analyseResumeFor(t.db, callerOf(none.id), CV);
		expect(alone.ok && resumeJson(alone.reading)).not.toHaveProperty('missingTerms');
	});

	it('takes each reading from the learner’s own allowance, like the posting analyser', async () => {
		const user = await makeUser(t.db);
		for (let i = 0; i < JD_BUCKET.capacity; i++)
			expect((await analyseResumeFor(t.db, callerOf(user.id), CV)).ok).toBe(true);
		const spent = await analyseResumeFor(t.db, callerOf(user.id), CV);
		expect(spent.ok ? 0 : spent.wait).toBeGreaterThan(0);
		const other = await makeUser(t.db);
		expect((await analyseResumeFor(t.db, callerOf(other.id), CV)).ok).toBe(true);
	});
});

describe('a kept CV', () => {
	it('is kept only on request, replaced, exported, imported and deleted on request', async () => {
		const user = await makeUser(t.db);
		expect(await keptResume(t.db, user.id)).toBeNull();
		await keepResume(t.db, user.id, 'first draft', NOW);
		await keepResume(t.db, user.id, CV, NOW);
		expect(await keptResume(t.db, user.id)).toEqual({ text: CV, updatedAt: NOW });

		const doc = await exportLearner(t.db, user.id, NOW);
		expect(doc.tables.resume).toEqual([{ text: CV, updated_at: NOW.toISOString() }]);
		const copy = await makeUser(t.db);
		expect(await importLearner(t.db, copy.id, doc, NOW)).toMatchObject({ ok: true });
		expect((await keptResume(t.db, copy.id))?.text).toBe(CV);

		expect(await forgetResume(t.db, user.id)).toBe(true);
		expect(await keptResume(t.db, user.id)).toBeNull();
		expect(await forgetResume(t.db, user.id)).toBe(false);
	});

	it('follows the "keep my CV" box: ticked keeps the text read, unticked deletes it', async () => {
		const user = await makeUser(t.db);
		await keepOnlyIfAsked(t.db, user.id, CV, false, NOW);
		expect(await keptResume(t.db, user.id)).toBeNull();
		await keepOnlyIfAsked(t.db, user.id, CV, true, NOW);
		expect((await keptResume(t.db, user.id))?.text).toBe(CV);
		await keepOnlyIfAsked(t.db, user.id, 'a newer CV', false, NOW);
		expect(await keptResume(t.db, user.id)).toBeNull();
	});

	it('refuses an import whose CV is over the limit, naming the field', async () => {
		const user = await makeUser(t.db);
		await keepResume(t.db, user.id, CV, NOW);
		const doc = await exportLearner(t.db, user.id, NOW);
		doc.tables.resume = [{ text: 'x'.repeat(20_001), updated_at: NOW.toISOString() }];
		const copy = await makeUser(t.db);
		const result = await importLearner(t.db, copy.id, doc, NOW);
		expect(result).toMatchObject({ ok: false, status: 400 });
		expect(!result.ok && result.message).toMatch(/^tables\.resume\[0\]\.text: /);
	});

	it('goes with the account', async () => {
		const user = await makeUser(t.db);
		await keepResume(t.db, user.id, CV, NOW);
		const result = await deleteUser(t.db, {
			userId: user.id,
			password: user.password,
			client: stranger('10.0.0.9')
		});
		expect(result).toEqual({ ok: true });
		const rows = await t.db.select().from(table.resume).where(eq(table.resume.userId, user.id));
		expect(rows).toEqual([]);
	});

	it('never reaches a log line or an error message', async () => {
		const secret = `${CV}\nPhone 0151 SECRET-${Date.now()}`;
		const logs = [
			vi.spyOn(console, 'log'),
			vi.spyOn(console, 'error'),
			vi.spyOn(console, 'warn'),
			vi.spyOn(console, 'info')
		];
		const user = await withPosting();
		await analyseResumeFor(t.db, callerOf(user.id), secret);
		await keepResume(t.db, user.id, secret, NOW);
		// A failed write (here: the database is gone) must not quote its parameters.
		const broken = await createTestDatabase();
		broken.close();
		const failed = await keepResume(broken.db, user.id, secret, NOW).catch((e: unknown) => e);
		expect(failed).toBeInstanceOf(Error);
		const error = failed as Error;
		expect(`${error.message} ${String(error.cause ?? '')} ${error.stack}`).not.toContain('SECRET');
		for (const spy of logs) {
			for (const call of spy.mock.calls) expect(JSON.stringify(call)).not.toContain('SECRET');
			spy.mockRestore();
		}
	});
});
