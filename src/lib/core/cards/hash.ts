import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * The form of a card's text that decides whether two cards are the same: Unicode
 * compatibility form, lower case, runs of whitespace as one space, no outer space.
 */
export function normaliseForHash(text: string): string {
	return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** Hex SHA-256 of the normalised front and back: the key that stops duplicate cards. */
export function cardContentHash(front: string, back: string): string {
	const key = `${normaliseForHash(front)}\u0000${normaliseForHash(back)}`;
	return encodeHexLowerCase(sha256(new TextEncoder().encode(key)));
}
