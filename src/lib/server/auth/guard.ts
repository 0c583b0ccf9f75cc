import { error, type RequestEvent } from '@sveltejs/kit';

/** The signed-in user and session, or a 401: every user-scoped service starts here. */
export function requireUser(event: Pick<RequestEvent, 'locals'>) {
	const { user, session } = event.locals;
	if (!user || !session) error(401, 'Sign in to continue.');
	return { user, session };
}
