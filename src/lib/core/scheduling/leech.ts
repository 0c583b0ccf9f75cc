// Leeches: a card forgotten 8 times is flagged and suspended, and again every 4 lapses after
// that if the learner puts it back unchanged (Anki's rule).
export const LEECH_THRESHOLD = 8;
export const LEECH_REPEAT = 4;

export interface CardFlags {
	suspended: boolean;
	leech: boolean;
}

/** How many leech thresholds a lapse count has passed. */
export function leechLevel(lapses: number): number {
	return lapses < LEECH_THRESHOLD ? 0 : 1 + Math.floor((lapses - LEECH_THRESHOLD) / LEECH_REPEAT);
}

/**
 * Flags after the card's lapses change from `before` to `after`: crossing a threshold flags
 * and suspends; dropping back below one (undo, or a late review reordering the log) lifts
 * what that crossing did.
 */
export function flagsAfter(before: number, after: number, flags: CardFlags): CardFlags {
	const was = leechLevel(before);
	const now = leechLevel(after);
	if (now > was) return { suspended: true, leech: true };
	if (now < was && flags.leech) return { suspended: false, leech: false };
	return flags;
}
