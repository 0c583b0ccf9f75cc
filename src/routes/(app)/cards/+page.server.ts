import type { PageServerLoad } from './$types';
import { markdownPreviewText } from '$lib/core/cards';
import { getDb } from '$lib/server/db';
import { requireUser } from '$lib/server/auth/guard';
import {
	countPersonalCards,
	isSkill,
	listPersonalCards,
	skillGroups,
	skillName
} from '$lib/server/cards';

const PAGE_SIZE = 30;
const PREVIEW_CHARS = 240;

const clip = (text: string) =>
	text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;

function wholeNumber(text: string | null): number {
	return text && /^\d{1,6}$/.test(text) ? Number(text) : 0;
}

export const load: PageServerLoad = async (event) => {
	const { user } = requireUser(event);
	const params = event.url.searchParams;
	const q = (params.get('q') ?? '').trim().slice(0, 200);
	const skillParam = params.get('skill') ?? '';
	const skill = isSkill(skillParam) ? skillParam : '';
	const filter = { search: q, skillId: skill || undefined };

	const db = await getDb();
	const [total, all] = await Promise.all([
		countPersonalCards(db, user.id, filter),
		countPersonalCards(db, user.id)
	]);
	const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(Math.max(1, wholeNumber(params.get('page'))), pageCount);
	const cards = await listPersonalCards(db, user.id, {
		...filter,
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});

	return {
		cards: cards.map((c) => ({
			id: c.id,
			skillId: c.skillId,
			skillName: skillName(c.skillId),
			level: c.level,
			front: clip(markdownPreviewText(c.front)),
			tags: c.tags
		})),
		q,
		skill,
		skillName: skill ? skillName(skill) : '',
		page,
		pageCount,
		total,
		all,
		groups: skillGroups(),
		notice: {
			created: params.has('created'),
			saved: params.has('saved'),
			deleted: params.has('deleted'),
			imported: params.has('imported') ? wholeNumber(params.get('imported')) : undefined,
			skipped: wholeNumber(params.get('skipped'))
		}
	};
};
