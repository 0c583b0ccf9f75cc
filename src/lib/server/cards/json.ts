import type { PersonalCard } from './personal-cards';
import { renderCardHtml } from './render';

/** A personal card as the JSON API sends it: the Markdown, its rendered HTML, ISO dates. */
export async function cardJson(card: PersonalCard) {
	return {
		id: card.id,
		skillId: card.skillId,
		level: card.level,
		front: card.front,
		back: card.back,
		tags: card.tags,
		kind: card.kind,
		...(await renderCardHtml(card)),
		createdAt: card.createdAt.toISOString(),
		updatedAt: card.updatedAt.toISOString()
	};
}
