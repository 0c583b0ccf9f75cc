// Interview-date mode against a real libSQL file: a learner whose target is python up to
// level 2, with a target date. A python@2 card whose next review would carry it over the date
// below the chosen level gets a due date before the date; other cards, and learners without
// the mode, keep FSRS's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import * as table from '$lib/server/db/schema';
import { validate } from '$lib/server/validation';
import { applyReviews, getReviewSettings, reviewSettingsOnly } from '$lib/server/reviews';
import { exportLearner, importLearner } from '$lib/server/reviews/portable';
import {
	DEFAULT_SETTINGS,
	getSettings,
	saveSettings,
	settingsFromForm,
	settingsSchema
} from '$lib/server/plan/settings';
import { createTarget } from '$lib/server/targets/store';
import { DAY_MS, DEFAULT_REVIEW_SETTINGS } from '$lib/core/scheduling';
import { recallAfter } from '$lib/core/scheduling/peak-date';
import { default_w } from 'ts-fsrs';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(() => t.close());

const at = (n: number, hour = 9) => new Date(Date.UTC(2025, 2, 1 + n, hour));
const TODAY = '2025-03-10';
/** The interview: day 34; the learner's day starts at 04:00 UTC (the default settings). */
const DATE = '2025-04-04';
const DATE_START = new Date('2025-04-04T04:00:00Z');
const NOW = at(9, 12);

async function stateOf(userId: string, cardId: string) {
	const [row] = await t.db
		.select()
		.from(table.cardState)
		.where(and(eq(table.cardState.userId, userId), eq(table.cardState.cardId, cardId)));
	if (!row) throw new Error(`no state for ${cardId}`);
	return row;
}

/** The plan settings form, as a learner would post it. */
function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries({
		minutesPerDay: '45',
		lightMinutes: '20',
		targetDate: DATE,
		...fields
	}))
		data.append(k, v);
	for (const d of [1, 2, 3, 4, 5, 6, 7]) data.append('studyDays', String(d));
	return validate(settingsSchema(TODAY), settingsFromForm(data, DEFAULT_SETTINGS));
}

async function setMode(userId: string, fields: Record<string, string>) {
	const parsed = form(fields);
	if (!parsed.ok) throw new Error(parsed.message);
	await saveSettings(t.db, userId, parsed.data, NOW);
}

/** A learner aiming at python 2, with a python@2 card and a docker@2 card (not a target skill). */
async function learner() {
	const user = await makeUser(t.db);
	await createTarget(
		t.db,
		user.id,
		{
			name: 'Interview',
			skills: [{ id: 'python', targetLevel: 2, importance: 'must', weight: 1 }],
			active: true
		},
		at(0)
	);
	const target = await makePersonalCard(t.db, user.id, { skillId: 'python', level: 2 });
	const other = await makePersonalCard(t.db, user.id, { skillId: 'docker', level: 2 });
	return { userId: user.id, target, other };
}

/** Easy on day 0, then Good on its due day: the next interval runs well past the date. */
async function study(userId: string, cardIds: string[]) {
	for (const id of cardIds) {
		const [first] = await applyReviews(t.db, userId, [review(id, 4, at(0).toISOString())], NOW);
		expect(first?.status).toBe('applied');
	}
	for (const id of cardIds) {
		const [second] = await applyReviews(t.db, userId, [review(id, 3, at(9).toISOString())], NOW);
		expect(second?.status).toBe('applied');
	}
}

describe('interview-date mode', () => {
	it('cuts the due date of a target card reviewed inside the window, and only that', async () => {
		const on = await learner();
		await setMode(on.userId, { peakOnDate: 'on', peakLevel: '0.95' });
		const off = await learner();
		await setMode(off.userId, {});
		await study(on.userId, [on.target, on.other]);
		await study(off.userId, [off.target, off.other]);

		const plain = await stateOf(off.userId, off.target);
		const cut = await stateOf(on.userId, on.target);
		// Without the mode the card would be carried over the date below 95 %.
		expect(plain.due.getTime()).toBeGreaterThan(DATE_START.getTime());
		const untilDate = (DATE_START.getTime() - at(9).getTime()) / DAY_MS;
		expect(recallAfter(default_w, plain.stability, untilDate)).toBeLessThan(0.95);
		// With it: the same memory, due before the date, at a recall of at least 95 %.
		expect(cut.stability).toBe(plain.stability);
		expect(cut.due.getTime()).toBeLessThan(DATE_START.getTime());
		const days = (cut.due.getTime() - at(9).getTime()) / DAY_MS;
		expect(Number.isInteger(days) && days >= 1).toBe(true);
		expect(recallAfter(default_w, cut.stability, days)).toBeGreaterThanOrEqual(0.95);
		expect(cut.scheduledDays).toBe(days);
		// The other skill's card is left to FSRS (fuzz and load balancing differ per card id):
		// same memory, still carried over the date.
		const otherOn = await stateOf(on.userId, on.other);
		const otherOff = await stateOf(off.userId, off.other);
		expect(otherOn.stability).toBe(otherOff.stability);
		expect(otherOn.due.getTime()).toBeGreaterThan(DATE_START.getTime());
	});

	it('brings a card already scheduled past the date forward when the mode is switched on', async () => {
		const l = await learner();
		await study(l.userId, [l.target, l.other]);
		const before = await stateOf(l.userId, l.target);
		const otherBefore = await stateOf(l.userId, l.other);
		expect(before.due.getTime()).toBeGreaterThan(DATE_START.getTime());
		await setMode(l.userId, { peakOnDate: 'on', peakLevel: '0.95' });
		const after = await stateOf(l.userId, l.target);
		expect(after.due.getTime()).toBeLessThan(DATE_START.getTime());
		expect({ ...after, due: null, scheduledDays: null }).toEqual({
			...before,
			due: null,
			scheduledDays: null
		});
		expect(await stateOf(l.userId, l.other)).toEqual(otherBefore);
	});

	it('is read with the review settings, and kept out of what /api/settings answers', async () => {
		const l = await learner();
		expect((await getReviewSettings(t.db, l.userId)).peakDate.on).toBe(false);
		await setMode(l.userId, { peakOnDate: 'on', peakLevel: '0.95' });
		const settings = await getReviewSettings(t.db, l.userId);
		expect(settings.peakDate).toMatchObject({ on: true, level: 0.95 });
		expect(Object.keys(reviewSettingsOnly(settings)).sort()).toEqual(
			Object.keys(DEFAULT_REVIEW_SETTINGS).sort()
		);
	});

	it('refuses the mode without a date, and a level out of range, with a clear message', () => {
		const noDate = form({ peakOnDate: 'on', targetDate: '' });
		expect(noDate.ok).toBe(false);
		expect(noDate.ok || noDate.errors.peakOnDate).toBe('Set a target date to peak on it.');
		const low = form({ peakOnDate: 'on', peakLevel: '0.5' });
		expect(low.ok || low.errors.peakLevel).toMatch(/^Choose a recall level from 80 % to 97 %/);
		const unchecked = form({ peakLevel: '0.85' });
		expect(unchecked.ok && unchecked.data).toMatchObject({ peakOnDate: false, peakLevel: 0.85 });
	});

	it('travels in the account export and import', async () => {
		const l = await learner();
		await setMode(l.userId, { peakOnDate: 'on', peakLevel: '0.95' });
		const doc = JSON.parse(JSON.stringify(await exportLearner(t.db, l.userId, NOW)));
		const fresh = await makeUser(t.db);
		expect(await importLearner(t.db, fresh.id, doc)).toMatchObject({ ok: true });
		expect(await getSettings(t.db, fresh.id)).toMatchObject({
			targetDate: DATE,
			peakOnDate: true,
			peakLevel: 0.95
		});
	});
});
