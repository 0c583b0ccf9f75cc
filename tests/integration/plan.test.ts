import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeRoleTarget, makeUser } from '../fixtures/factories';
import * as table from '$lib/server/db/schema';
import { validate } from '$lib/server/validation';
import {
	DEFAULT_SETTINGS,
	getSettings,
	saveSettings,
	settingsFromForm,
	settingsSchema
} from '$lib/server/plan/settings';
import { currentPlanCards, loadPlan, markStep } from '$lib/server/plan/service';
import { planCalendar } from '$lib/server/plan/calendar';
import { reviewWorkload } from '$lib/server/plan/workload';
import { newCardsForToday } from '$lib/server/reviews/new-cards';
import { recordRatings } from '$lib/server/assessments/store';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const noon = (date: string) => new Date(`${date}T12:00:00Z`);
const DAY1 = '2026-03-02';

async function learnerWithTarget(roleId = 'mlops-engineer') {
	const u = await makeUser(t.db);
	await makeRoleTarget(t.db, u.id, roleId, noon(DAY1));
	return u;
}

describe('plan settings', () => {
	const schema = settingsSchema(DAY1);
	const ok = { ...DEFAULT_SETTINGS };

	it('accepts the defaults and JSON or form-shaped numbers', () => {
		expect(validate(schema, ok).ok).toBe(true);
		const parsed = validate(schema, {
			...ok,
			minutesPerDay: '60',
			studyDays: ['3', '1', '1'],
			lightDays: []
		});
		expect(parsed.ok && parsed.data).toMatchObject({ minutesPerDay: 60, studyDays: [1, 3] });
	});

	it('rejects bad input with one message per field', () => {
		const cases: [Record<string, unknown>, string][] = [
			[{ minutesPerDay: 5 }, 'minutesPerDay'],
			[{ minutesPerDay: 601 }, 'minutesPerDay'],
			[{ minutesPerDay: 'lots' }, 'minutesPerDay'],
			[{ minutesPerDay: 45.5 }, 'minutesPerDay'],
			[{ studyDays: [] }, 'studyDays'],
			[{ studyDays: [0, 8] }, 'studyDays.0'],
			[{ lightMinutes: 50 }, 'lightMinutes'],
			[{ targetDate: '2026-03-01' }, 'targetDate'],
			[{ targetDate: '2026-02-30' }, 'targetDate'],
			[{ targetDate: '2040-01-01' }, 'targetDate'],
			[{ breaks: [{ start: '2026-04-10', end: '2026-04-01' }] }, 'breaks.0.end'],
			[{ breaks: 'soon' }, 'breaks'],
			[{ reviewTime: '25:00' }, 'reviewTime']
		];
		for (const [patch, field] of cases) {
			const parsed = validate(schema, { ...ok, ...patch });
			expect(parsed.ok, JSON.stringify(patch)).toBe(false);
			if (!parsed.ok) expect(Object.keys(parsed.errors), JSON.stringify(patch)).toContain(field);
		}
	});

	it('drops lighter days that are not study days, and reads checkboxes from a form', () => {
		const form = new FormData();
		form.set('minutesPerDay', '30');
		for (const d of ['1', '2', '6']) form.append('studyDays', d);
		for (const d of ['6', '7']) form.append('lightDays', d);
		form.set('lightMinutes', '15');
		form.set('targetDate', '');
		const parsed = validate(schema, settingsFromForm(form, ok));
		expect(parsed.ok && parsed.data).toEqual({
			...ok,
			minutesPerDay: 30,
			studyDays: [1, 2, 6],
			lightDays: [6],
			lightMinutes: 15,
			targetDate: null
		});
	});

	it('stores settings per learner', async () => {
		const a = await makeUser(t.db);
		const b = await makeUser(t.db);
		await saveSettings(t.db, a.id, { ...ok, minutesPerDay: 90 }, noon(DAY1));
		expect((await getSettings(t.db, a.id)).minutesPerDay).toBe(90);
		expect((await getSettings(t.db, b.id)).minutesPerDay).toBe(45);
	});
});

describe('the stored plan', () => {
	it('is null without an active target', async () => {
		const u = await makeUser(t.db);
		expect(await loadPlan(t.db, u.id, noon(DAY1))).toBeNull();
		expect(await currentPlanCards(t.db, u.id, noon(DAY1))).toBeNull();
	});

	it('is made once, dated from today, and kept while nothing changes', async () => {
		const u = await learnerWithTarget();
		const first = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		expect(first.adjustment).toMatchObject({ kind: 'new', on: DAY1 });
		expect(first.items[0]!.start).toBe(DAY1);
		expect(first.items.every((i) => i.status === 'planned')).toBe(true);
		expect(first.current?.key).toBe(first.items[0]!.key);
		const again = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		expect(again.items.map((i) => i.key)).toEqual(first.items.map((i) => i.key));
		const rows = await t.db.select().from(table.studyPlan).where(eq(table.studyPlan.userId, u.id));
		expect(rows).toHaveLength(1);
	});

	it('re-plans at once when the budget changes', async () => {
		const u = await learnerWithTarget();
		const before = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		await saveSettings(
			t.db,
			u.id,
			{ ...DEFAULT_SETTINGS, minutesPerDay: 120, lightMinutes: 60 },
			noon(DAY1)
		);
		const after = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		expect(after.adjustment?.kind).toBe('changed');
		expect(after.finish! < before.finish!).toBe(true);
	});

	it('marks a step done: keeps it through re-plans and records the level as an assessment', async () => {
		const u = await learnerWithTarget();
		const view = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		const first = view.items[0]!;
		expect(await markStep(t.db, u.id, first.key, 'done', noon(DAY1))).toEqual({ ok: true });
		expect(await markStep(t.db, u.id, first.key, 'done', noon(DAY1))).toEqual({
			ok: false,
			reason: 'finished'
		});

		const [a] = await t.db
			.select()
			.from(table.assessment)
			.where(and(eq(table.assessment.userId, u.id), eq(table.assessment.skillId, first.skillId)));
		expect(a).toMatchObject({ level: first.toLevel, source: 'plan' });

		// Same day: no re-plan, the plan says it is ahead.
		const same = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		expect(same.adjustment?.kind).toBe('new');
		expect(same.items.find((i) => i.key === first.key)).toMatchObject({
			status: 'done',
			doneOn: DAY1
		});
		expect(same.progress.status).toBe('ahead');
		expect(same.progress.days).toBe((Date.parse(first.end!) - Date.parse(DAY1)) / 86_400_000);

		// Next visit, a day later: re-planned automatically, finished step kept, the rest moved up.
		const next = (await loadPlan(t.db, u.id, noon('2026-03-03')))!;
		expect(next.adjustment).toMatchObject({ kind: 'ahead', automatic: true, on: '2026-03-03' });
		expect(next.items[0]).toMatchObject({ key: first.key, status: 'done', doneOn: DAY1 });
		expect(next.items.filter((i) => i.key === first.key)).toHaveLength(1);
		expect(
			next.items.slice(1).every((i) => i.status === 'planned' && i.start! >= '2026-03-03')
		).toBe(true);
		expect(next.progress.status).toBe('on-track');
	});

	it('re-plans automatically when the learner falls behind, and says by how much', async () => {
		const u = await learnerWithTarget();
		const view = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		const first = view.items[0]!;
		const later = new Date(Date.parse(`${first.end}T12:00:00Z`) + 3 * 86_400_000);
		const behind = (await loadPlan(t.db, u.id, later))!;
		expect(behind.adjustment).toMatchObject({ kind: 'behind', automatic: true, days: 3 });
		expect(behind.adjustment!.minutes).toBeGreaterThanOrEqual(first.minutes);
		expect(behind.items[0]!.start).toBe(behind.today);
	});

	it('re-plans at once after a new self-assessment, dropping the steps it covers', async () => {
		const u = await learnerWithTarget();
		const before = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		expect(before.items.some((i) => i.key === 'docker@1')).toBe(true);
		await recordRatings(t.db, u.id, [{ skillId: 'docker', level: 2 }], 'self', noon(DAY1));
		const after = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		expect(after.adjustment?.kind).toBe('changed');
		expect(after.items.map((i) => i.key)).not.toContain('docker@1');
		expect(after.items.map((i) => i.key)).not.toContain('docker@2');
		expect(after.items.map((i) => i.key)).toContain('docker@3');
	});

	it('re-plans on request', async () => {
		const u = await learnerWithTarget();
		await loadPlan(t.db, u.id, noon(DAY1));
		const view = (await loadPlan(t.db, u.id, noon(DAY1), { replan: true }))!;
		expect(view.adjustment).toMatchObject({ kind: 'request', automatic: false });
	});

	it("keeps learners apart: B cannot mark A's steps or see A's plan", async () => {
		const a = await learnerWithTarget();
		const b = await makeUser(t.db);
		const key = (await loadPlan(t.db, a.id, noon(DAY1)))!.items[0]!.key;
		expect(await markStep(t.db, b.id, key, 'done', noon(DAY1))).toEqual({
			ok: false,
			reason: 'not-found'
		});
		expect(await loadPlan(t.db, b.id, noon(DAY1))).toBeNull();
		const c = await learnerWithTarget('junior-mle');
		expect(await markStep(t.db, c.id, 'kubernetes@3', 'done', noon(DAY1))).toEqual({
			ok: false,
			reason: 'not-found'
		});
		const progress = await t.db
			.select()
			.from(table.planProgress)
			.where(eq(table.planProgress.userId, a.id));
		expect(progress).toEqual([]);
		expect(
			(await loadPlan(t.db, a.id, noon(DAY1)))!.items.every((i) => i.status === 'planned')
		).toBe(true);
	});

	it('hands the review queue the cards of the steps under way and the next one', async () => {
		const u = await learnerWithTarget();
		const view = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		const cards = (await currentPlanCards(t.db, u.id, noon(DAY1)))!;
		expect(cards.newPerDay).toBe(view.pacing.newPerDay);
		expect(cards.newPerDay).toBeGreaterThan(0);
		expect(cards.cardIds.slice(0, view.items[0]!.cardIds.length)).toEqual(view.items[0]!.cardIds);
		expect(cards.cardIds.length).toBeGreaterThan(0);
	});
});

describe('new cards for the review queue', () => {
	it('come from the plan, in plan order, capped by its pacing', async () => {
		const u = await learnerWithTarget();
		const view = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		const fresh = await newCardsForToday(t.db, u.id, noon(DAY1));
		// The plan's cards in plan order (the step under way, then the steps ahead), no more
		// than the pacing and the learner's limit allow.
		const planned = view.items.flatMap((i) => i.cardIds);
		expect(fresh.cards.length).toBe(Math.min(fresh.limit, view.pacing.newPerDay, planned.length));
		expect(fresh.cards.length).toBeGreaterThan(0);
		expect(fresh.cards.map((c) => c.id)).toEqual(planned.slice(0, fresh.cards.length));
	});
});

describe('review workload', () => {
	it('uses FSRS defaults without history and the learner’s medians with it', async () => {
		const u = await makeUser(t.db);
		const empty = await reviewWorkload(t.db, u.id, noon(DAY1));
		expect(empty).toMatchObject({ dueNow: 0, ownCosts: false });
		expect(empty.secondsPerReview).toBeCloseTo(13.7, 1);
		await t.db.insert(table.reviewLog).values(
			Array.from({ length: 30 }, (_, i) => ({
				id: crypto.randomUUID(),
				userId: u.id,
				cardId: `c${i}`,
				rating: 3,
				reviewedAt: noon(DAY1),
				durationMs: 6000,
				receivedAt: noon(DAY1)
			}))
		);
		const own = await reviewWorkload(t.db, u.id, noon(DAY1));
		expect(own.ownCosts).toBe(true);
		expect(own.secondsPerReview).toBe(6);
	});
});

/** Minimal iCalendar reader: unfolds lines and checks the structure. */
function parseIcs(text: string) {
	expect(text.endsWith('\r\n') || text.endsWith('END:VCALENDAR')).toBe(true);
	const raw = text.split('\r\n');
	for (const line of raw) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
	const lines = text
		.replace(/\r\n[ \t]/g, '')
		.split('\r\n')
		.filter(Boolean);
	const stack: string[] = [];
	const events: Record<string, string>[] = [];
	for (const line of lines) {
		const [name, ...rest] = line.split(':');
		const value = rest.join(':');
		if (name === 'BEGIN') {
			stack.push(value);
			if (value === 'VEVENT') events.push({});
		} else if (name === 'END') {
			expect(stack.pop()).toBe(value);
		} else if (stack.at(-1) === 'VEVENT') {
			events.at(-1)![name!.split(';')[0]!] = value;
		} else if (stack.at(-1) === 'VALARM') {
			events.at(-1)!['ALARM_' + name] = value;
		}
	}
	expect(stack).toEqual([]);
	return events;
}

describe('calendar export', () => {
	it('is valid iCalendar with a daily review block and alarm, study blocks and milestones', async () => {
		const u = await learnerWithTarget();
		await saveSettings(t.db, u.id, { ...DEFAULT_SETTINGS, targetDate: '2027-03-01' }, noon(DAY1));
		const view = (await loadPlan(t.db, u.id, noon(DAY1)))!;
		const text = await planCalendar(view, u.id, noon(DAY1), 'https://gapwise.example');
		const events = parseIcs(text);
		const reviews = events.find((e) => e.SUMMARY === 'Gapwise reviews')!;
		expect(reviews.RRULE).toBe('FREQ=DAILY');
		expect(reviews.DTSTART).toBe('20260302T080000');
		expect(reviews.ALARM_ACTION).toBe('DISPLAY');
		expect(reviews.ALARM_TRIGGER).toBe('-PT5M');
		const study = events.filter((e) => e.SUMMARY?.startsWith('Study: '));
		expect(study.length).toBeGreaterThan(20);
		expect(study[0]!.DTSTART).toBe('20260302T190000');
		const milestones = events.filter((e) => e.SUMMARY?.startsWith('Milestone: '));
		const withinYear = view.items.filter((i) => i.end! < '2027-03-02');
		expect(milestones).toHaveLength(withinYear.length);
		expect(milestones.length).toBeGreaterThan(10);
		expect(events.some((e) => e.SUMMARY === 'Target date: MLOps Engineer')).toBe(true);

		const uids = events.map((e) => e.UID);
		expect(new Set(uids).size).toBe(uids.length);
		const again = parseIcs(
			await planCalendar(view, u.id, noon('2026-03-02'), 'https://gapwise.example')
		);
		expect(again.map((e) => e.UID)).toEqual(uids);
		const other = parseIcs(
			await planCalendar(view, 'someone-else', noon(DAY1), 'https://gapwise.example')
		);
		expect(other.map((e) => e.UID).some((id) => uids.includes(id))).toBe(false);
	});
});
