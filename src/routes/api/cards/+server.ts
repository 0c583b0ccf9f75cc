import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import { badRequest, readJson, validate } from '$lib/server/validation';
import {
	DUPLICATE_MESSAGE,
	cardJson,
	createCardSchema,
	createPersonalCard,
	listPersonalCards
} from '$lib/server/cards';

function paging(params: URLSearchParams): { limit?: number; offset?: number } | undefined {
	const limit = params.get('limit');
	const offset = params.get('offset');
	const n = (s: string | null) => (s === null ? undefined : /^\d{1,6}$/.test(s) ? Number(s) : NaN);
	const result = { limit: n(limit), offset: n(offset) };
	if (Number.isNaN(result.limit) || Number.isNaN(result.offset)) return undefined;
	return result;
}

/** The learner's personal cards; optional ?q= search, ?skill= filter, ?limit=&offset= paging. */
export const GET: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const params = event.url.searchParams;
	const page = paging(params);
	if (!page) return badRequest('limit and offset must be whole numbers.');
	const cards = await listPersonalCards(await getDb(), user.id, {
		search: params.get('q')?.slice(0, 200) ?? undefined,
		skillId: params.get('skill') ?? undefined,
		...page
	});
	return json({ cards: await Promise.all(cards.map(cardJson)) });
};

export const POST: RequestHandler = async (event) => {
	const { user } = requireUser(event);
	const parsed = validate(createCardSchema, await readJson(event.request));
	if (!parsed.ok) return badRequest(parsed.message, parsed.errors);
	const result = await createPersonalCard(await getDb(), user.id, parsed.data, new Date());
	if (!result.ok) {
		return json({ message: DUPLICATE_MESSAGE, id: result.existingId }, { status: 409 });
	}
	return json(await cardJson(result.card), {
		status: 201,
		headers: { location: `/api/cards/${result.card.id}` }
	});
};
