// The reminder job: once a minute, every learner whose reminder time has come gets at most
// one notification for the day. Several app processes may run it at once: each (learner,
// local date) is claimed by inserting its push_send row, and only the process whose insert
// went in sends.
import webpush from 'web-push';
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '$lib/server/db';
import {
	planSettings,
	pushReminder,
	pushSend,
	pushSubscription,
	user
} from '$lib/server/db/schema';
import { isValidTimeZone } from '$lib/core/scheduling';
import { reminderDayAt, reminderPayload } from '$lib/core/reminders';
import type { PushConfig } from './config';
import type { Resolver } from './endpoint';
import { reminderOrDefault } from './settings';
import { listSubscriptions, markSent, removeSubscription } from './subscriptions';
import { deliver } from './transport';
import type { Vapid } from './vapid';
import { waitingWork } from './work';

/** A reminder older than this is not worth showing: the push service may drop it. */
const TTL_SECONDS = 6 * 3600;
/** Learners handled side by side: pushes wait on the network, not on the database. */
const PARALLEL = 4;

export interface ReminderDeps {
	config: PushConfig;
	vapid: Vapid;
	resolve?: Resolver;
}

export type Outcome = 'sent' | 'nothing' | 'failed';

export interface RunReport {
	/** The learners this run claimed, with what came of each. */
	outcomes: { userId: string; day: string; outcome: Outcome; dropped: number }[];
}

/** Learners with a subscription whose reminder is due now, with the day it is for. */
async function dueLearners(db: Database, now: Date) {
	const rows = await db
		.selectDistinct({
			userId: user.id,
			timezone: user.timezone,
			time: pushReminder.time,
			days: pushReminder.days,
			reviewTime: planSettings.reviewTime
		})
		.from(pushSubscription)
		.innerJoin(user, eq(user.id, pushSubscription.userId))
		.leftJoin(pushReminder, eq(pushReminder.userId, user.id))
		.leftJoin(planSettings, eq(planSettings.userId, user.id));
	return rows.flatMap((row) => {
		const day = reminderDayAt(now, {
			...reminderOrDefault(row, row.reviewTime),
			timezone: isValidTimeZone(row.timezone) ? row.timezone : 'UTC'
		});
		return day ? [{ userId: row.userId, day }] : [];
	});
}

/** True for exactly one caller per (learner, day), across processes. */
async function claim(db: Database, userId: string, day: string, now: Date): Promise<boolean> {
	const won = await db
		.insert(pushSend)
		.values({ userId, day, claimedAt: now, outcome: 'claimed' })
		.onConflictDoNothing()
		.returning({ userId: pushSend.userId });
	return won.length === 1;
}

async function settle(db: Database, userId: string, day: string, outcome: Outcome) {
	await db
		.update(pushSend)
		.set({ outcome })
		.where(and(eq(pushSend.userId, userId), eq(pushSend.day, day)));
}

/** Sends one learner's reminder to each of their browsers; drops the ones that are gone. */
async function remind(db: Database, userId: string, day: string, now: Date, deps: ReminderDeps) {
	const payload = reminderPayload(await waitingWork(db, userId, now), day);
	if (!payload) return { outcome: 'nothing' as const, dropped: 0 };
	const body = JSON.stringify(payload);
	let sent = 0;
	let dropped = 0;
	for (const sub of await listSubscriptions(db, userId)) {
		if (sub.expiresAt && sub.expiresAt <= now) {
			dropped += Number(await removeSubscription(db, userId, sub.endpoint));
			continue;
		}
		const request = webpush.generateRequestDetails(
			{ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
			body,
			{ vapidDetails: deps.vapid, TTL: TTL_SECONDS, topic: 'daily-reminder' }
		);
		const result = await deliver(request, deps.config, deps.resolve);
		if (result.ok) {
			sent += 1;
			await markSent(db, userId, sub.endpoint, now);
		} else if (result.gone) {
			dropped += Number(await removeSubscription(db, userId, sub.endpoint));
		} else {
			// The host only: the endpoint's path is a capability to push to this learner.
			console.warn(`push to ${new URL(sub.endpoint).host} failed: ${result.reason}`);
		}
	}
	return { outcome: sent > 0 ? ('sent' as const) : ('failed' as const), dropped };
}

export async function runReminders(
	db: Database,
	now: Date,
	deps: ReminderDeps
): Promise<RunReport> {
	const outcomes: RunReport['outcomes'] = [];
	const due = await dueLearners(db, now);
	for (let i = 0; i < due.length; i += PARALLEL) {
		await Promise.all(
			due.slice(i, i + PARALLEL).map(async ({ userId, day }) => {
				if (!(await claim(db, userId, day, now))) return;
				let result: { outcome: Outcome; dropped: number };
				try {
					result = await remind(db, userId, day, now, deps);
				} catch (error) {
					console.error(error);
					result = { outcome: 'failed', dropped: 0 };
				}
				await settle(db, userId, day, result.outcome);
				outcomes.push({ userId, day, ...result });
			})
		);
	}
	return { outcomes };
}

/** Claims older than a week are no longer needed to keep a day to one reminder. */
export async function pruneClaims(db: Database, now: Date) {
	await db.delete(pushSend).where(lt(pushSend.claimedAt, new Date(now.getTime() - 8 * 86_400_000)));
}
