// Web Push reminders end to end against a real libSQL file: a subscription stored through the
// service, the job at a simulated time, the encrypted payload as the browser would decrypt
// it, one reminder a day across two processes, nothing when nothing is due, 410 clean-up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '$lib/server/db/client';
import * as table from '$lib/server/db/schema';
import { applyReviews } from '$lib/server/reviews';
import {
	DEFAULT_PUSH_HOSTS,
	listSubscriptions,
	runReminders,
	saveReminderSettings,
	saveSubscription,
	subscriptionSchema,
	vapidKeys,
	type PushConfig,
	type Vapid
} from '$lib/server/push';
import { exportLearner } from '$lib/server/reviews/portable';
import { validate } from '$lib/server/validation';
import { createTestDatabase, type TestDatabase } from '../fixtures/db';
import { makeUser } from '../fixtures/factories';
import { makePersonalCard, review } from '../fixtures/reviews';
import { browserKeys, decryptPush, startReceiver, type Receiver } from '../fixtures/push';

let t: TestDatabase;
let receiver: Receiver;
let config: PushConfig;
let vapid: Vapid;

// Monday 2 March 2026, 19:00:30 in Berlin (UTC+1).
const AT_SEVEN = new Date('2026-03-02T18:00:30Z');
const minutes = (n: number) => new Date(AT_SEVEN.getTime() + n * 60_000);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

beforeAll(async () => {
	t = await createTestDatabase();
	receiver = await startReceiver();
	config = { hosts: DEFAULT_PUSH_HOSTS, testOrigin: receiver.origin, timeoutMs: 2_000 };
	vapid = await vapidKeys(t.db, {});
});
afterAll(async () => {
	await receiver.close();
	t.close();
});
afterEach(() => {
	receiver.received.length = 0;
	receiver.answer = () => ({ status: 201 });
});

/** A Berlin learner, reminded at 19:00 every day, with `due` cards due by then. */
async function learner(due: number) {
	const user = await makeUser(t.db);
	await t.db
		.update(table.user)
		.set({ timezone: 'Europe/Berlin' })
		.where(eq(table.user.id, user.id));
	await saveReminderSettings(t.db, user.id, { time: '19:00', days: EVERY_DAY }, AT_SEVEN);
	const firstSeen = new Date('2026-01-05T10:00:00Z');
	for (let i = 0; i < due; i += 1) {
		const card = await makePersonalCard(t.db, user.id, { createdAt: firstSeen });
		await applyReviews(t.db, user.id, [review(card, 3, firstSeen.toISOString())], firstSeen);
	}
	return user;
}

async function subscribe(userId: string, path: string) {
	const keys = browserKeys();
	const parsed = validate(subscriptionSchema, keys.subscription(receiver.origin + path));
	if (!parsed.ok) throw new Error(parsed.message);
	expect(await saveSubscription(t.db, userId, parsed.data, config, AT_SEVEN)).toEqual({ ok: true });
	return keys;
}

const run = (at: Date, db: Database = t.db) => runReminders(db, at, { config, vapid });

describe('the reminder job', () => {
	it('stores a subscription through the service, scoped to its learner', async () => {
		const a = await learner(0);
		const b = await learner(0);
		await subscribe(a.id, '/store');
		const rows = await listSubscriptions(t.db, a.id);
		expect(rows.map((r) => r.endpoint)).toEqual([`${receiver.origin}/store`]);
		expect(await listSubscriptions(t.db, b.id)).toEqual([]);
	});

	it('sends one encrypted reminder at the local time, once, across two processes', async () => {
		const user = await learner(3);
		const keys = await subscribe(user.id, '/phone');
		expect((await run(minutes(-1))).outcomes).toEqual([]);
		expect(receiver.received).toHaveLength(0);

		// A second app process: its own connection to the same database file.
		const other = await openDatabase({ url: t.url });
		try {
			const [first, second] = await Promise.all([run(AT_SEVEN), run(AT_SEVEN, other)]);
			const mine = [...first.outcomes, ...second.outcomes].filter((o) => o.userId === user.id);
			expect(mine).toEqual([{ userId: user.id, day: '2026-03-02', outcome: 'sent', dropped: 0 }]);
		} finally {
			other.$client.close();
		}
		expect(receiver.received.map((r) => r.path)).toEqual(['/phone']);

		const [push] = receiver.received;
		expect(push!.headers['content-encoding']).toBe('aes128gcm');
		expect(push!.headers.authorization).toMatch(new RegExp(`^vapid t=.+, k=${vapid.publicKey}$`));
		const payload = JSON.parse(decryptPush(push!.body, keys)) as Record<string, string>;
		expect(payload.body).toMatch(/^3 cards · about \d+ min$/);
		expect(payload.url).toBe('/review');
		expect(payload.tag).toBe('gapwise-reminder-2026-03-02');

		// Later the same evening: still the one reminder. The next evening: a new one.
		await run(minutes(30));
		expect(receiver.received).toHaveLength(1);
		await run(minutes(24 * 60));
		expect(receiver.received).toHaveLength(2);
	});

	it('sends nothing when nothing is due, and nothing on days not chosen', async () => {
		const idle = await learner(0);
		await subscribe(idle.id, '/idle');
		const busy = await learner(2);
		await saveReminderSettings(t.db, busy.id, { time: '19:00', days: [2, 3] }, AT_SEVEN);
		await subscribe(busy.id, '/busy');
		const report = await run(AT_SEVEN);
		expect(report.outcomes.find((o) => o.userId === idle.id)?.outcome).toBe('nothing');
		expect(report.outcomes.find((o) => o.userId === busy.id)).toBeUndefined();
		expect(receiver.received.map((r) => r.path)).not.toContain('/idle');
		expect(receiver.received.map((r) => r.path)).not.toContain('/busy');
		// Tuesday is a chosen day.
		await run(minutes(24 * 60));
		expect(receiver.received.map((r) => r.path)).toContain('/busy');
	});

	it('drops a subscription the push service answers 410 or 404, keeps one it answers 500', async () => {
		const user = await learner(1);
		await subscribe(user.id, '/gone');
		await subscribe(user.id, '/unknown');
		await subscribe(user.id, '/broken');
		receiver.answer = (path) => ({
			status: path === '/gone' ? 410 : path === '/unknown' ? 404 : 500
		});
		const report = await run(AT_SEVEN);
		expect(report.outcomes.find((o) => o.userId === user.id)).toMatchObject({
			outcome: 'failed',
			dropped: 2
		});
		const left = await listSubscriptions(t.db, user.id);
		expect(left.map((r) => r.endpoint)).toEqual([`${receiver.origin}/broken`]);
	});

	it('deleting the account deletes its subscriptions; the export has the reminder, not them', async () => {
		const user = await learner(0);
		await subscribe(user.id, '/export');
		const doc = await exportLearner(t.db, user.id, AT_SEVEN);
		expect(doc.tables.push_reminder).toEqual([
			expect.objectContaining({ time: '19:00', days: EVERY_DAY })
		]);
		expect(doc.tables).not.toHaveProperty('push_subscription');
		expect(JSON.stringify(doc)).not.toContain('/export');
		await t.db.delete(table.user).where(eq(table.user.id, user.id));
		const left = await t.db
			.select()
			.from(table.pushSubscription)
			.where(eq(table.pushSubscription.userId, user.id));
		expect(left).toEqual([]);
	});
});
