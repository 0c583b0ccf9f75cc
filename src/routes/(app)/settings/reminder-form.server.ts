// The settings page's reminder section: what it shows, and its form action.
import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { getActiveTarget } from '$lib/server/targets/store';
import { FIX_FIELDS, formFailure, validate } from '$lib/server/validation';
import {
	getReminderSettings,
	listSubscriptions,
	reminderSchema,
	saveReminderSettings
} from '$lib/server/push';

/**
 * A short digest of an endpoint, so the page can tell whether this browser is subscribed
 * without the endpoint (a capability to notify the device) being written into the HTML.
 */
export function endpointDigest(endpoint: string): string {
	return createHash('sha256').update(endpoint).digest('hex').slice(0, 32);
}

export async function reminderSection(db: Database, userId: string, timezone: string) {
	const settings = await getReminderSettings(db, userId);
	return {
		...settings,
		timezone,
		devices: (await listSubscriptions(db, userId)).map((s) => endpointDigest(s.endpoint)),
		// The .ics fallback needs a plan, and a plan needs an active target.
		calendar: (await getActiveTarget(db, userId)) !== undefined
	};
}

export async function saveReminder(event: RequestEvent) {
	const { user } = requireUser(event);
	const data = await event.request.formData();
	const time = data.get('time');
	const input = {
		time: typeof time === 'string' ? time : '',
		days: data.getAll('days').filter((d) => typeof d === 'string')
	};
	const parsed = validate(reminderSchema, input);
	if (!parsed.ok) {
		const errors = Object.fromEntries(
			Object.entries(parsed.errors).map(([k, m]) => [k.startsWith('days') ? 'days' : k, m])
		);
		const kept = { time: input.time.slice(0, 10), days: input.days.slice(0, 7).map(Number) };
		return formFailure(400, { form: 'reminders', kept }, FIX_FIELDS, errors);
	}
	await saveReminderSettings(await getDb(), user.id, parsed.data, new Date());
	return { form: 'reminders', done: 'Saved. Your reminder comes at this time on these days.' };
}
