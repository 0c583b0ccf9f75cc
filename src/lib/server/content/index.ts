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

let rendering: Promise<{ cards: RenderedCard[]; byId: Map<string, RenderedCard> }> | undefined;

function rendered() {
	rendering ??= Promise.all(
		load().deck.map(async (card): Promise<RenderedCard> => ({
			id: card.id,
			skillId: card.skillId,
			level: card.level,
			kind: card.kind,
			...(await renderCard(card)),
			source: card.source,
			retired: card.retired,
			personal: false
		}))
	)
		.then((cards) => ({ cards, byId: new Map(cards.map((c) => [c.id, c])) }))
		.catch((error: unknown) => {
			rendering = undefined;
			throw error;
		});
	return rendering;
}

/** Every built-in card, retired ones included (check `retired`), rendered to sanitised HTML. */
export async function getDeck(): Promise<RenderedCard[]> {
	return (await rendered()).cards;
}

export async function getDeckCard(id: string): Promise<RenderedCard | undefined> {
	return (await rendered()).byId.get(id);
}

/** A skill's active (not retired) cards, by level then id. */
export async function getSkillCards(skillId: string): Promise<RenderedCard[]> {
	return (await getDeck())
		.filter((c) => c.skillId === skillId && !c.retired)
		.sort((a, b) => a.level - b.level || a.id.localeCompare(b.id));
}
