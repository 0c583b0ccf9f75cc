import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { generatorParameters } from 'ts-fsrs';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeRoleTarget, makeUser } from '../fixtures/factories';
import * as table from '$lib/server/db/schema';
import { getActiveTargetGap } from '$lib/server/gap';
import { recordRatings } from '$lib/server/assessments/store';
import { DEFAULT_SETTINGS, saveSettings } from '$lib/server/plan/settings';
import { loadPlan } from '$lib/server/plan/service';
import { loadForecast, type ForecastView } from '$lib/server/forecast';
import { addDays } from '$lib/core/plan/dates';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const DAY1 = '2026-03-02';
const NOW = new Date(`${DAY1}T12:00:00Z`);

/** A learner aiming at a role, rated 1 in each of its skills. */
async function learnerWithTarget(roleId = 'mlops-engineer') {
	const u = await makeUser(t.db);
	const role = await makeRoleTarget(t.db, u.id, roleId, NOW);
	await recordRatings(
		t.db,
		u.id,
		role.skills.map((s) => ({ skillId: s.id, level: 1 })),
		'self',
		NOW
	);
	return u;
}

/** One review on each of the given days before DAY1 (the missed-day rate reads only dates). */
async function reviewedOn(userId: string, daysBack: number[]) {
	await t.db.insert(table.reviewLog).values(
		daysBack.map((back) => {
			const at = new Date(NOW.getTime() - back * 86_400_000);
			return {
				id: crypto.randomUUID(),
				userId,
				cardId: 'python-1-001',
				rating: 3,
				reviewedAt: at,
				durationMs: 8000,
				receivedAt: at
			};
		})
	);
}

describe('loadForecast', () => {
	it('is null without an active target', async () => {
		const u = await makeUser(t.db);
		expect(await loadForecast(t.db, u.id, NOW)).toBeNull();
	});

	it('starts at the gap’s readiness and follows the plan for 90 days without a target date', async () => {
		const u = await learnerWithTarget();
		const f = (await loadForecast(t.db, u.id, NOW))!;
		const gap = (await getActiveTargetGap(t.db, u.id, NOW))!;
		expect(f.today.readiness).toBe(gap.readiness);
		expect(f.points[0]!.date).toBe(DAY1);
		expect(f.points.at(-1)!.date).toBe(addDays(DAY1, 90));
		expect(f.points[1]!.date).toBe(addDays(DAY1, 7));
		for (const p of f.points) {
			expect(p.low).toBeLessThanOrEqual(p.readiness);
			expect(p.readiness).toBeLessThanOrEqual(p.high);
		}
		// The plan's first weeks raise readiness.
		expect(f.points.at(-1)!.readiness).toBeGreaterThan(gap.readiness);
		const plan = (await loadPlan(t.db, u.id, NOW))!;
		// A whole role does not fit in 90 days at 45 minutes a day.
		expect(plan.finish! > addDays(DAY1, 90)).toBe(true);
		expect(f.reachesTarget).toBeNull();
		expect(f.lever).toMatch(/more minutes a day|nice-to-have/);
	});

	it('runs to the target date, and reaches the target when the plan finishes before it', async () => {
		const u = await learnerWithTarget();
		const plan = (await loadPlan(t.db, u.id, NOW))!;
		const date = addDays(plan.finish!, 30);
		await saveSettings(t.db, u.id, { ...DEFAULT_SETTINGS, targetDate: date }, NOW);
		const f = (await loadForecast(t.db, u.id, NOW))!;
		const replanned = (await loadPlan(t.db, u.id, NOW))!;
		expect(f.points.at(-1)!.date).toBe(date);
		expect(f.targetDate).toBe(date);
		expect(f.reachesTarget).not.toBeNull();
		expect(f.reachesTarget! <= replanned.finish!).toBe(true);
		expect(f.points.at(-1)!.readiness).toBeGreaterThan(0.85);
	});

	it('is kept for the day, and made again the moment a setting changes', async () => {
		const u = await learnerWithTarget();
		await loadPlan(t.db, u.id, NOW); // stores the plan: a change, like any other
		const first = (await loadForecast(t.db, u.id, NOW))!;
		const later = new Date(NOW.getTime() + 3_600_000);
		expect(await loadForecast(t.db, u.id, later)).toBe(first);
		const date = addDays(NOW.toISOString().slice(0, 10), 40);
		await saveSettings(t.db, u.id, { ...DEFAULT_SETTINGS, targetDate: date }, later);
		const dated = (await loadForecast(t.db, u.id, later))!;
		expect(dated.targetDate).toBe(date);
		expect(dated.points.at(-1)!.date).toBe(date);
	});

	it('reads the learner’s own missed days and FSRS parameters, and only theirs', async () => {
		const steady = await learnerWithTarget();
		const patchy = await learnerWithTarget();
		const forgetful = await learnerWithTarget();
		const every = Array.from({ length: 28 }, (_, i) => i + 1);
		await reviewedOn(steady.id, every);
		const before = await loadForecast(t.db, steady.id, NOW);
		await reviewedOn(
			patchy.id,
			every.filter((d) => d % 3 === 0)
		);
		await reviewedOn(forgetful.id, every);
		const weak = generatorParameters().w.map((w, i) => (i < 4 ? w / 8 : w));
		await t.db
			.update(table.user)
			.set({ fsrsParams: JSON.stringify(weak) })
			.where(eq(table.user.id, forgetful.id));
		const a = (await loadForecast(t.db, steady.id, NOW))!;
		const b = (await loadForecast(t.db, patchy.id, NOW))!;
		const c = (await loadForecast(t.db, forgetful.id, NOW))!;
		const last = (f: ForecastView) => f.points.at(-1)!;
		// Two study days in three skipped: the low edge's pace stretches, and reviews wait.
		expect(last(b).low).toBeLessThan(last(a).low);
		expect(last(b).readiness).toBeLessThan(last(a).readiness);
		// The same days with a weaker memory (their own fitted parameters): less recalled.
		expect(last(c).readiness).toBeLessThan(last(a).readiness);
		// A learner's data leaves the other's forecast alone.
		expect(a).toEqual(before);
	});
});
