// Starts the reminder job inside the app process (from the `init` server hook).
import type { Database } from '$lib/server/db';
import { pushConfigFrom } from './config';
import { pruneClaims, runReminders } from './job';
import { vapidKeys } from './vapid';

const MINUTE_MS = 60_000;

/**
 * Runs the job now and then once a minute (REMINDER_INTERVAL_MS, for tests that cannot wait);
 * returns a stop function. REMINDER_JOB=off turns it off (a process that only serves pages);
 * under vitest it runs only with REMINDER_JOB=on.
 */
export async function startReminderJob(
	db: Database,
	env: Record<string, string | undefined>
): Promise<() => void> {
	const stopped = () => {};
	if (env.REMINDER_JOB === 'off') return stopped;
	if (process.env.VITEST && env.REMINDER_JOB !== 'on') return stopped;
	// Bad settings fail the start, not every minute's run.
	const config = pushConfigFrom(env);
	const vapid = await vapidKeys(db, env);
	let running = false;
	let prunedAt = 0;
	const tick = async () => {
		if (running) return; // a slow run (many learners at one time) is not doubled
		running = true;
		const now = new Date();
		try {
			await runReminders(db, now, { config, vapid });
			if (now.getTime() - prunedAt > 60 * MINUTE_MS) {
				prunedAt = now.getTime();
				await pruneClaims(db, now);
			}
		} catch (error) {
			console.error(error);
		} finally {
			running = false;
		}
	};
	const every = Number(env.REMINDER_INTERVAL_MS) || MINUTE_MS;
	const timer = setInterval(() => void tick(), every);
	timer.unref();
	void tick();
	return () => clearInterval(timer);
}
