import { json, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { readJson } from '$lib/server/validation';
import { setCardFlag, type CardAction } from './flags';

/** POST /api/cards/{id}/{bury|suspend|unsuspend}: idempotent; another learner's card is 404. */
export function cardActionHandler(action: CardAction) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { user } = requireUser(event);
		// No fields, but only a JSON body is accepted: a cross-site text/plain post changes nothing.
		await readJson(event.request);
		const card = await setCardFlag(await getDb(), user.id, event.params.id, action, new Date());
		return card ? json({ card }) : json({ message: 'No such card.' }, { status: 404 });
	};
}
