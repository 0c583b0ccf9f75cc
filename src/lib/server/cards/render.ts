import type { RenderedCard } from '$lib/core/types';
import { renderCard, renderMarkdown } from '$lib/server/content/markdown';
import type { PersonalCard } from './personal-cards';

// Personal cards are stored as Markdown and rendered on read. Rendering (with shiki for code)
// is cached by text, so a queue or list shown again costs a map lookup.
const CACHE_MAX = 5_000;
const cache = new Map<string, Promise<string>>();

function render(markdown: string): Promise<string> {
	const hit = cache.get(markdown);
	if (hit) {
		// Re-insert: Map keeps insertion order, so the oldest entry is the least recently used.
		cache.delete(markdown);
		cache.set(markdown, hit);
		return hit;
	}
	const html = renderMarkdown(markdown);
	cache.set(markdown, html);
	html.catch(() => cache.delete(markdown));
	if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
	return html;
}

/**
 * Both faces of a card. A cloze card's front shows its gap as a blank and its back repeats
 * the text with the answer marked, then the back text, as for the built-in cloze cards.
 */
export async function renderCardHtml(
	card: Pick<PersonalCard, 'front' | 'back'> & { kind?: string }
) {
	if (card.kind === 'cloze')
		return renderCard({ kind: 'cloze', front: card.front, back: card.back });
	const [frontHtml, backHtml] = await Promise.all([render(card.front), render(card.back)]);
	return { frontHtml, backHtml };
}

/** A personal card in the review queue's shape. */
export async function toRenderedCard(card: PersonalCard): Promise<RenderedCard> {
	return {
		id: card.id,
		skillId: card.skillId,
		level: card.level,
		kind: card.kind,
		...(await renderCardHtml(card)),
		source: null,
		retired: false,
		personal: true
	};
}
