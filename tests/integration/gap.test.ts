import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import * as table from '$lib/server/db/schema';
import { getGraph, getSkillCards } from '$lib/server/content';
import {
	calibrationItems,
	latestRatings,
	parseProgress,
	placementState,
	ratingHistory,
	recordRatings,
	submitPlacement
} from '$lib/server/assessments';
import {
	activateTarget,
	createTarget,
	deleteTarget,
	getActiveTarget,
	getTarget,
	listTargets,
	renameTarget,
	roleSkills,
	updateTargetSkills
} from '$lib/server/targets';
import { getActiveTargetGap } from '$lib/server/gap';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);
const kubernetesTarget = [
	{ id: 'kubernetes', targetLevel: 2, importance: 'must' as const, weight: 1 }
];

describe('assessments', () => {
	it('keeps every rating with its date; the latest counts', async () => {
		const u = await makeUser(t.db);
		await recordRatings(t.db, u.id, [{ skillId: 'python', level: 1 }], 'self', at(-10));
		await recordRatings(t.db, u.id, [{ skillId: 'python', level: 3 }], 'self', at(-1));
		await recordRatings(t.db, u.id, [{ skillId: 'docker', level: 2 }], 'self', at(-5));
		const latest = await latestRatings(t.db, u.id);
		expect(latest.get('python')).toMatchObject({ level: 3, source: 'self', createdAt: at(-1) });
		expect(latest.get('docker')?.level).toBe(2);
		const history = await ratingHistory(t.db, u.id, 'python');
		expect(history.map((h) => [h.level, h.createdAt])).toEqual([
			[3, at(-1)],
			[1, at(-10)]
		]);
	});

	it("never shows one learner another learner's ratings", async () => {
		const a = await makeUser(t.db);
		const b = await makeUser(t.db);
		await recordRatings(t.db, a.id, [{ skillId: 'sql', level: 4 }], 'self', NOW);
		expect((await latestRatings(t.db, b.id)).size).toBe(0);
		expect(await ratingHistory(t.db, b.id, 'sql')).toEqual([]);
	});
});

describe('targets', () => {
	it('keeps one active target per learner', async () => {
		const u = await makeUser(t.db);
		const first = await createTarget(
			t.db,
			u.id,
			{
				name: 'MLE II',
				roleId: 'mle-ii',
				skills: roleSkills(getGraph().roleById.get('mle-ii')!),
				active: true
			},
			at(-2)
		);
		const second = await createTarget(
			t.db,
			u.id,
			{ name: 'Infra job', skills: kubernetesTarget, active: true },
			at(-1)
		);
		expect((await getActiveTarget(t.db, u.id))?.id).toBe(second.id);
		expect((await getTarget(t.db, u.id, first.id))?.active).toBe(false);
		expect(await activateTarget(t.db, u.id, first.id, NOW)).toBe(true);
		const targets = await listTargets(t.db, u.id);
		expect(targets.filter((x) => x.active).map((x) => x.id)).toEqual([first.id]);
		// The database itself refuses a second active row.
		await expect(
			t.db.update(table.target).set({ active: true }).where(eq(table.target.id, second.id))
		).rejects.toThrow();
	});

	it('activates the most recent remaining target when the active one is deleted', async () => {
		const u = await makeUser(t.db);
		const older = await createTarget(
			t.db,
			u.id,
			{ name: 'A', skills: kubernetesTarget, active: false },
			at(-3)
		);
		const active = await createTarget(
			t.db,
			u.id,
			{ name: 'B', skills: kubernetesTarget, active: true },
			at(-1)
		);
		expect(await deleteTarget(t.db, u.id, active.id, NOW)).toBe(true);
		expect((await getActiveTarget(t.db, u.id))?.id).toBe(older.id);
	});

	it("lets learner B neither read nor change A's targets", async () => {
		const a = await makeUser(t.db);
		const b = await makeUser(t.db);
		const mine = await createTarget(
			t.db,
			a.id,
			{ name: 'Mine', skills: kubernetesTarget, active: true },
			NOW
		);
		expect(await getTarget(t.db, b.id, mine.id)).toBeUndefined();
		expect(await listTargets(t.db, b.id)).toEqual([]);
		expect(await renameTarget(t.db, b.id, mine.id, 'Stolen', NOW)).toBe(false);
		expect(await updateTargetSkills(t.db, b.id, mine.id, [], NOW)).toBe(false);
		expect(await activateTarget(t.db, b.id, mine.id, NOW)).toBe(false);
		expect(await deleteTarget(t.db, b.id, mine.id, NOW)).toBe(false);
		expect(await getTarget(t.db, a.id, mine.id)).toMatchObject({ name: 'Mine', active: true });
		expect(await getActiveTargetGap(t.db, b.id, NOW)).toBeNull();
	});
});

describe('gap service', () => {
	it('closes over prerequisites and uses the latest ratings', async () => {
		const u = await makeUser(t.db);
		await createTarget(t.db, u.id, { name: 'K8s', skills: kubernetesTarget, active: true }, NOW);
		await recordRatings(
			t.db,
			u.id,
			[
				{ skillId: 'kubernetes', level: 1 },
				{ skillId: 'docker', level: 2 }
			],
			'self',
			NOW
		);
		const gap = (await getActiveTargetGap(t.db, u.id, NOW))!;
		const byId = new Map(gap.entries.map((e) => [e.skillId, e]));
		expect(byId.get('kubernetes')).toMatchObject({ target: 2, current: 1, gap: 1, direct: true });
		expect(byId.get('docker')).toMatchObject({
			target: 2,
			current: 2,
			gap: 0,
			via: ['kubernetes']
		});
		expect(byId.get('python')).toMatchObject({
			direct: false,
			via: ['kubernetes', 'docker'],
			current: 0
		});
		expect(gap.readiness).toBeGreaterThan(0);
		expect(gap.readiness).toBeLessThan(1);
	});

	it("caps a rating by faded memory of the level's cards, and shows both", async () => {
		const u = await makeUser(t.db);
		await createTarget(
			t.db,
			u.id,
			{
				name: 'Docker',
				skills: [{ id: 'docker', targetLevel: 1, importance: 'must', weight: 1 }],
				active: true
			},
			NOW
		);
		await recordRatings(t.db, u.id, [{ skillId: 'docker', level: 1 }], 'self', at(-400));
		const level1 = (await getSkillCards('docker')).filter((c) => c.level === 1);
		// Every level-1 card studied once, long ago, with a short memory.
		await t.db.insert(table.cardState).values(
			level1.map((c) => ({
				userId: u.id,
				cardId: c.id,
				skillId: 'docker',
				level: 1,
				due: at(-395),
				stability: 2,
				difficulty: 5,
				elapsedDays: 0,
				scheduledDays: 2,
				learningSteps: 0,
				reps: 1,
				lapses: 0,
				state: 2,
				lastReview: at(-400)
			}))
		);
		const faded = (await getActiveTargetGap(t.db, u.id, NOW))!.entries[0]!;
		expect(faded).toMatchObject({ skillId: 'docker', selfRated: 1, current: 0, gap: 1 });
		// Reviewed again today: the gap closes.
		await t.db
			.update(table.cardState)
			.set({ lastReview: NOW, stability: 30 })
			.where(eq(table.cardState.userId, u.id));
		const fresh = (await getActiveTargetGap(t.db, u.id, NOW))!.entries[0]!;
		expect(fresh).toMatchObject({ selfRated: 1, current: 1, gap: 0 });
	});
});

describe('placement check', () => {
	async function learnerAimingAtKubernetes() {
		const u = await makeUser(t.db);
		await createTarget(
			t.db,
			u.id,
			{
				name: 'K8s',
				skills: [
					{ id: 'kubernetes', targetLevel: 2, importance: 'must', weight: 1 },
					{ id: 'docker', targetLevel: 2, importance: 'must', weight: 1 }
				],
				active: true
			},
			NOW
		);
		await recordRatings(
			t.db,
			u.id,
			[
				{ skillId: 'kubernetes', level: 2 },
				{ skillId: 'docker', level: 2 },
				{ skillId: 'python', level: 1 }
			],
			'self',
			at(-1)
		);
		return u;
	}

	it('asks the dependent first and credits its prerequisites after a pass', async () => {
		const u = await learnerAimingAtKubernetes();
		const state = (await placementState(t.db, u.id, parseProgress(null)))!;
		expect(state.next?.skillId).toBe('kubernetes');
		expect(state.next!.cards.length).toBeGreaterThanOrEqual(2);
		expect(state.next!.cards.every((c) => c.level === 2 && c.skillId === 'kubernetes')).toBe(true);

		const answers = state.next!.cards.map((c) => ({ cardId: c.id, knew: true }));
		const done = await submitPlacement(t.db, u.id, 'kubernetes', answers, NOW);
		expect(done.ok && done.result.passed).toBe(true);

		// docker 2 and python 2 are credited, so docker needs no question of its own.
		const after = (await placementState(t.db, u.id, parseProgress('kubernetes:p')))!;
		expect(after.next).toBeNull();
		const latest = await latestRatings(t.db, u.id);
		expect(latest.get('kubernetes')).toMatchObject({ level: 2, source: 'placement' });
		expect(latest.get('python')).toMatchObject({ level: 2, source: 'placement' });
		// A credit raises lower ratings only: docker was already rated 2.
		expect(latest.get('docker')).toMatchObject({ level: 2, source: 'self' });

		// Cards below the shown levels got a seeded memory; known quiz cards too.
		const states = await t.db
			.select()
			.from(table.cardState)
			.where(eq(table.cardState.userId, u.id));
		const seeded = new Set(states.map((s) => s.cardId));
		const docker1 = (await getSkillCards('docker')).filter((c) => c.level === 1);
		expect(docker1.every((c) => seeded.has(c.id))).toBe(true);
		expect(answers.every((a) => seeded.has(a.cardId))).toBe(true);
		expect(states.every((s) => s.state === 2 && s.due > NOW)).toBe(true);
		expect(states.some((s) => s.skillId === 'docker' && s.level === 2)).toBe(false);
	});

	it('writes nothing on a fail and suggests one level lower', async () => {
		const u = await learnerAimingAtKubernetes();
		const state = (await placementState(t.db, u.id, parseProgress(null)))!;
		const answers = state.next!.cards.map((c) => ({ cardId: c.id, knew: false }));
		const done = await submitPlacement(t.db, u.id, 'kubernetes', answers, NOW);
		expect(done).toMatchObject({ ok: true, result: { passed: false, suggestedLevel: 1 } });
		expect(
			await t.db.select().from(table.cardState).where(eq(table.cardState.userId, u.id))
		).toEqual([]);
		const next = (await placementState(t.db, u.id, parseProgress('kubernetes:f')))!;
		expect(next.next?.skillId).toBe('docker');
	});

	it('refuses answers that do not cover the asked cards', async () => {
		const u = await learnerAimingAtKubernetes();
		const done = await submitPlacement(
			t.db,
			u.id,
			'kubernetes',
			[{ cardId: 'nope', knew: true }],
			NOW
		);
		expect(done.ok).toBe(false);
		const other = await submitPlacement(t.db, u.id, 'sql', [], NOW);
		expect(other.ok).toBe(false);
	});
});

describe('calibration', () => {
	it('shows where the rating and recall disagree', async () => {
		const u = await makeUser(t.db);
		await recordRatings(t.db, u.id, [{ skillId: 'docker', level: 3 }], 'self', at(-30));
		const level2 = (await getSkillCards('docker')).filter((c) => c.level === 2)[0]!;
		await t.db.insert(table.cardState).values({
			userId: u.id,
			cardId: level2.id,
			skillId: 'docker',
			level: 2,
			due: NOW,
			stability: 3,
			difficulty: 6,
			elapsedDays: 0,
			scheduledDays: 3,
			learningSteps: 0,
			reps: 6,
			lapses: 3,
			state: 2,
			lastReview: at(-3)
		});
		const ratings = [1, 3, 1, 1, 3, 1];
		await t.db.insert(table.reviewLog).values(
			ratings.map((rating, i) => ({
				id: crypto.randomUUID(),
				userId: u.id,
				cardId: level2.id,
				rating,
				reviewedAt: at(-20 + i),
				durationMs: 5000,
				receivedAt: at(-20 + i)
			}))
		);
		// A learning step right after first sight does not count as recall.
		await t.db.insert(table.reviewLog).values({
			id: crypto.randomUUID(),
			userId: u.id,
			cardId: level2.id,
			rating: 3,
			reviewedAt: at(-21),
			durationMs: 5000,
			receivedAt: at(-21),
			stateBefore: 0
		});
		const items = await calibrationItems(t.db, u.id, NOW);
		expect(items).toEqual([
			expect.objectContaining({
				skillId: 'docker',
				selfRated: 3,
				suggested: 1,
				reason: 'recall-low',
				level: 2,
				reviews: 6
			})
		]);
		// Another learner's log is not theirs to see.
		const other = await makeUser(t.db);
		expect(await calibrationItems(t.db, other.id, NOW)).toEqual([]);
		expect(
			await t.db
				.select()
				.from(table.reviewLog)
				.where(and(eq(table.reviewLog.userId, other.id)))
		).toEqual([]);
	});
});
