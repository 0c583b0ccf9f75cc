import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	// The zone the learner's days follow: Today offers this device's zone when it differs.
	return { username: locals.user.username, timezone: locals.user.timezone };
};
