// Issue 13: a kept job-description analysis carries the analyser version that made it. One made
// by an older analyser (or kept before versions were, migration 0010) is read again when its
// target is viewed — replacing quotes, reasons and unmatched terms, never the learner's skills —
// and says what the new reading found that the old one did not. Against a real libSQL file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { JD_ANALYSER_VERSION, type JdAnalysis } from '$lib/core/jd';
import {
	analyseFor,
	analysisOfTarget,
	createTarget,
	getTarget,
	storedAnalysis,
	targetJson
} from '$lib/server/targets';
import { analyzeText } from '$lib/server/targets/analyze';
import { JD_BUCKET } from '$lib/server/targets/rate-limit';

const POSTING = `Applied AI Engineer, Agents
What you'll do
- Build tool-calling agents and MCP servers.
- Harden agents against prompt injection.
What we're looking for
- Strong Python.
Nice to have
- Kubernetes is a plus.`;

const SKILLS = [
	{ id: 'llm-agents', targetLevel: 2, importance: 'must' as const, weight: 1 },
	{ id: 'python', targetLevel: 4, importance: 'must' as const, weight: 1 }
];

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

function spendAll(userId: string) {
	const caller = { userId, address: '10.1.0.1' };
	let taken = 0;
	while (analyseFor(caller, `Requirements: Python ${taken}`).ok) {
		taken += 1;
		expect(taken).toBeLessThanOrEqual(JD_BUCKET.capacity);
	}
}

/** A target whose analysis was kept before versions were: an older reading that missed the
 * security skill and left "MCP" unmatched, stored with no version. */
async function targetWithOldReading(userId: string) {
	const current = storedAnalysis(analyzeText(POSTING));
	const old: JdAnalysis = {
		...current,
		skills: current.skills.filter((s) => s.id !== 'llm-security'),
		unmatched: ['MCP']
	};
	const row = await createTarget(
		t.db,
		userId,
		{ name: 'Agents', jdText: POSTING, skills: SKILLS, active: true },
		new Date('2026-03-01T00:00:00Z')
	);
	await t.db.$client.execute({
		sql: 'UPDATE target SET jd_analysis = ?, jd_analysis_version = NULL WHERE id = ?',
		args: [JSON.stringify(old), row.id]
	});
	return (await getTarget(t.db, userId, row.id))!;
}

describe('the analyser version of a kept analysis', () => {
	it('is the current one for an analysis made while saving', async () => {
		const user = await makeUser(t.db);
		const row = await createTarget(
			t.db,
			user.id,
			{
				name: 'Agents',
				jdText: POSTING,
				jdAnalysis: storedAnalysis(analyzeText(POSTING)),
				skills: SKILLS,
				active: true
			},
			new Date('2026-03-01T00:00:00Z')
		);
		const saved = (await getTarget(t.db, user.id, row.id))!;
		expect(saved.jdAnalysisVersion).toBe(JD_ANALYSER_VERSION);
		expect(targetJson(saved).analysis).toEqual({
			analyserVersion: JD_ANALYSER_VERSION,
			stale: false
		});
		spendAll(user.id);
		const found = await analysisOfTarget(t.db, { userId: user.id, address: '10.1.0.2' }, saved);
		expect(found).toMatchObject({ state: 'kept', version: JD_ANALYSER_VERSION });
		expect(found.state === 'kept' && found.newSkills).toBeUndefined();
	});

	it('is none for a target without a kept analysis', async () => {
		const user = await makeUser(t.db);
		const row = await createTarget(
			t.db,
			user.id,
			{ name: 'Role', roleId: 'llm-engineer', skills: SKILLS, active: true },
			new Date('2026-03-01T00:00:00Z')
		);
		expect(row.jdAnalysisVersion).toBeNull();
		expect(targetJson(row).analysis).toBeNull();
	});

	it('marks an analysis kept before versions as stale, and reads it again on view', async () => {
		const user = await makeUser(t.db);
		const caller = { userId: user.id, address: '10.1.0.3' };
		const old = await targetWithOldReading(user.id);
		expect(targetJson(old).analysis).toEqual({ analyserVersion: 1, stale: true });

		const found = await analysisOfTarget(t.db, caller, old);
		expect(found).toMatchObject({ state: 'kept', version: JD_ANALYSER_VERSION });
		if (found.state !== 'kept') return;
		expect(found.newSkills?.map((s) => s.id)).toEqual(['llm-security']);
		expect(found.analysis.unmatched).not.toContain('MCP');

		const stored = (await getTarget(t.db, user.id, old.id))!;
		expect(stored.jdAnalysisVersion).toBe(JD_ANALYSER_VERSION);
		expect(stored.jdAnalysis?.skills.map((s) => s.id)).toContain('llm-security');
		expect(targetJson(stored).analysis).toEqual({
			analyserVersion: JD_ANALYSER_VERSION,
			stale: false
		});
		// The learner's skills and levels, which the gap and plan rest on, are untouched.
		expect(stored.skills).toEqual(SKILLS);
		expect(stored.updatedAt).toEqual(old.updatedAt);

		// Read once per version: later views cost nothing and report nothing new.
		spendAll(user.id);
		const again = await analysisOfTarget(t.db, caller, stored);
		expect(again).toMatchObject({ state: 'kept', version: JD_ANALYSER_VERSION });
		expect(again.state === 'kept' && again.newSkills).toBeUndefined();
	});

	it('shows the older reading, marked as such, while the allowance is spent', async () => {
		const user = await makeUser(t.db);
		const caller = { userId: user.id, address: '10.1.0.4' };
		const old = await targetWithOldReading(user.id);
		spendAll(user.id);
		const found = await analysisOfTarget(t.db, caller, old);
		expect(found).toMatchObject({ state: 'kept', version: 1 });
		if (found.state !== 'kept') return;
		expect(found.staleFor).toBeGreaterThan(0);
		expect(found.analysis.unmatched).toEqual(['MCP']);
		const stored = (await getTarget(t.db, user.id, old.id))!;
		expect(stored.jdAnalysisVersion).toBeNull();
		expect(stored.jdAnalysis?.unmatched).toEqual(['MCP']);
	});
});
