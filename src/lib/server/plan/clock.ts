import { eq } from 'drizzle-orm';
import type { Queryable } from '$lib/server/assessments/store';
import { user } from '$lib/server/db/schema';
import { learnerToday } from '$lib/core/plan/dates';

/** The learner's calendar date now, in their time zone and with their day-start hour. */
export async function learnerDay(db: Queryable, userId: string, now: Date): Promise<string> {
	const [row] = await db
		.select({ timezone: user.timezone, dayStartHour: user.dayStartHour })
		.from(user)
		.where(eq(user.id, userId));
	return learnerToday(now, row?.timezone ?? 'UTC', row?.dayStartHour ?? 0);
}
