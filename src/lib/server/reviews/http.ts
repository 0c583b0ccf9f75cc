import { json, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { setCardFlag, type CardAction } from './flags';

/** POST /api/cards/{id}/{bury|suspend|unsuspend}: idempotent; another learner's card is 404. */
export function cardActionHandler(action: CardAction) {
	return async (event: RequestEvent<{ id: string }>) => {
		const { user } = requireUser(event);
		const card = await setCardFlag(await getDb(), user.id, event.params.id, action, new Date());
		return card ? json({ card }) : json({ message: 'No such card.' }, { status: 404 });
	};
}
