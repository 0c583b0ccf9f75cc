// One tap from Today's notice: "your phone is in Europe/Berlin — use it?". A plain form post
// (the notice only appears with JavaScript, but the post needs none), answered with Today.
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { knownTimeZone, saveTimeZone } from '$lib/server/time-zone';

export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const form = await event.request.formData().catch(() => null);
	const zone = knownTimeZone(form?.get('timezone'));
	if (!zone) error(400, 'Choose a time zone from the list in Settings.');
	await saveTimeZone(await getDb(), user.id, zone);
	redirect(303, '/today');
};
