// When the learner wants their reminder: a local time and weekdays, validated by one schema
// for the settings form (and anything else that writes them).
import * as v from 'valibot';
import { eq } from 'drizzle-orm';
import type { Queryable } from '$lib/server/assessments/store';
import { planSettings, pushReminder, user } from '$lib/server/db/schema';
import { DEFAULT_SETTINGS, clock, weekdays } from '$lib/server/plan/settings';

export interface ReminderSettings {
	time: string;
	days: number[];
}

export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

export const reminderSchema = v.object({
	time: clock('Enter a time such as 19:00.'),
	days: v.pipe(weekdays('Choose the days.'), v.minLength(1, 'Choose at least one day.'))
});

/**
 * The stored reminder, or until the learner chooses one: every day at the review time of
 * their calendar export (the .ics alarm), so push and calendar agree.
 */
export function reminderOrDefault(
	row: { time: string | null; days: number[] | null },
	reviewTime: string | null
): ReminderSettings {
	if (row.time && row.days) return { time: row.time, days: row.days };
	return { time: reviewTime ?? DEFAULT_SETTINGS.reviewTime, days: ALL_DAYS };
}

export async function getReminderSettings(
	db: Queryable,
	userId: string
): Promise<ReminderSettings> {
	const [row] = await db
		.select({
			time: pushReminder.time,
			days: pushReminder.days,
			reviewTime: planSettings.reviewTime
		})
		.from(user)
		.leftJoin(pushReminder, eq(pushReminder.userId, user.id))
		.leftJoin(planSettings, eq(planSettings.userId, user.id))
		.where(eq(user.id, userId));
	return reminderOrDefault(row ?? { time: null, days: null }, row?.reviewTime ?? null);
}

export async function saveReminderSettings(
	db: Queryable,
	userId: string,
	settings: ReminderSettings,
	now: Date
): Promise<void> {
	const values = { time: settings.time, days: settings.days, updatedAt: now };
	await db
		.insert(pushReminder)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: pushReminder.userId, set: values });
}
