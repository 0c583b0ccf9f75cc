// The one entry point to Gapwise's content: the competency graph, the role profiles and the
// built-in decks, parsed and validated on first use and then kept for the process's life.
import type { DeckCard, Graph, RenderedCard } from '$lib/core/types';
import { buildAliasIndex, type AliasIndex } from '$lib/core/aliases';
import { contentFiles } from './files';
import { parseContent, type Content } from './parse';
import { renderCard } from './markdown';

export { ContentError, type ContentIssue } from './errors';

let content: Content | undefined;

function load(): Content {
	content ??= parseContent(contentFiles);
	return content;
}

/** The validated competency graph; throws ContentError naming the file and field. */
export function getGraph(): Graph {
	return load().graph;
}

let aliasIndex: AliasIndex | undefined;

/** The alias index over every skill, for findAliasMatches. */
export function getAliasIndex(): AliasIndex {
	aliasIndex ??= buildAliasIndex(getGraph().skills);
	return aliasIndex;
}

/** Built-in cards as written (Markdown), retired ones included — for exports. */
export function getDeckSource(): readonly DeckCard[] {
	return load().deck;
}

// Cards are rendered on first use, one at a time, and kept: a skill page pays for its own
// dozen cards, not for the whole deck (highlighting is the expensive part).
const renderedCards = new Map<string, Promise<RenderedCard>>();

function renderDeckCard(card: DeckCard): Promise<RenderedCard> {
	let rendering = renderedCards.get(card.id);
	if (!rendering) {
		rendering = renderCard(card).then(
			(html): RenderedCard => ({
				id: card.id,
				skillId: card.skillId,
				level: card.level,
				kind: card.kind,
				...html,
				source: card.source,
				retired: card.retired,
				personal: false
			})
		);
		rendering.catch(() => renderedCards.delete(card.id));
		renderedCards.set(card.id, rendering);
	}
	return rendering;
}

let deckById: Map<string, DeckCard> | undefined;

/** Every built-in card, retired ones included (check `retired`), rendered to sanitised HTML. */
export function getDeck(): Promise<RenderedCard[]> {
	return Promise.all(load().deck.map(renderDeckCard));
}

export async function getDeckCard(id: string): Promise<RenderedCard | undefined> {
	deckById ??= new Map(load().deck.map((c) => [c.id, c]));
	const card = deckById.get(id);
	return card ? renderDeckCard(card) : undefined;
}

/** A skill's active (not retired) cards, by level then id. */
export async function getSkillCards(skillId: string): Promise<RenderedCard[]> {
	const cards = load()
		.deck.filter((c) => c.skillId === skillId && !c.retired)
		.sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));
	return Promise.all(cards.map(renderDeckCard));
}

/**
 * Parses the content and renders the whole deck ahead of need; call it once after the
 * server starts (not during the build) so the first visitor does not pay for it.
 */
export async function warmContent(): Promise<void> {
	await getDeck();
}
