import type { LayoutServerLoad } from './$types';

// Only the fields the shell needs reach the browser.
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { username: locals.user.username } : null
});
