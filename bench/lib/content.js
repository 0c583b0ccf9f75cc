import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Active built-in card ids, read from content/cards. */
export function deckCardIds() {
	const ids = [];
	for (const file of readdirSync('content/cards').sort()) {
		const deck = parse(readFileSync(`content/cards/${file}`, 'utf8'));
		for (const card of deck.cards) if (!card.retired) ids.push(card.id);
	}
	return ids;
}
