// How much a skill matters to a posting, read the way a hiring engineer reads it: what the job
// requires or will have you do is a must; only what sits under nice-to-have / preferred / bonus,
// or is phrased "is a plus", is nice.
import type { Importance } from '../types';
import type { Mention } from './scan';

/** Named in this many sentences that describe the job, a skill is what the job is about. */
export const REPEATED = 3;

/** The distinct sentences that ask for the skill or describe the job with it (not hedged). */
export function askingSentences(found: readonly Mention[]): number {
	return new Set(
		found.filter((m) => m.ask === 'must' || m.ask === 'prose').map((m) => m.sentenceNo)
	).size;
}

/**
 * Must when any sentence requires it; else nice when the posting says so (a nice-to-have list,
 * a hedge); else — named only in descriptive text — must when the posting has no requirements
 * or responsibilities section of its own (its prose is all it asks) or names the skill again
 * and again, nice otherwise.
 */
export function skillImportance(found: readonly Mention[], hasAskSection: boolean): Importance {
	if (found.some((m) => m.ask === 'must')) return 'must';
	if (found.some((m) => m.ask === 'nice')) return 'nice';
	const prose = found.some((m) => m.ask === 'prose');
	if (prose && (!hasAskSection || askingSentences(found) >= REPEATED)) return 'must';
	return 'nice';
}
