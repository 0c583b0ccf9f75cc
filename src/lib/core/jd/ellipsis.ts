// Coordinated names that share their last word: "diffusion or speech models" names diffusion
// models too, "tensor and expert parallelism" tensor parallelism. Alias matching sees only
// "speech models"; this finds the elided ones. One pass over the sentence's words.
import { findAliasMatches, type AliasIndex, type AliasMatch } from '../aliases';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#-]*/gu;
const JOINERS = new Set(['and', 'or', '&', '/']);
const MAX_GAP = 3;

interface Word {
	text: string;
	start: number;
	end: number;
}

/**
 * Matches for "A and B C" (or "A or B C", "A/B C") where "A C" — or "A C D" — is an alias in
 * its own right and no match already covers A. Returned spans run from A to the shared head.
 */
export function elidedMatches(
	sentence: string,
	aliasIndex: AliasIndex,
	matches: readonly AliasMatch[]
): AliasMatch[] {
	const words: Word[] = [];
	WORD.lastIndex = 0;
	for (let m = WORD.exec(sentence); m !== null; m = WORD.exec(sentence)) {
		words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
	}
	const found: AliasMatch[] = [];
	let k = 0;
	for (let i = 0; i + 2 < words.length; i++) {
		const first = words[i]!;
		// Matches are sorted and do not overlap: a cursor finds the one at `first`, if any.
		while (k < matches.length && matches[k]!.end <= first.start) k += 1;
		if (k < matches.length && matches[k]!.start <= first.start) continue;
		const next = words[i + 1]!;
		if (next.start - first.end > MAX_GAP) continue;
		const gap = sentence.slice(first.end, next.start).trim();
		const spelled = gap === '' && JOINERS.has(next.text.toLowerCase());
		if (!spelled && !JOINERS.has(gap)) continue;
		// "A and B C": the head C follows B; "A/B C": B is the next word.
		const head = spelled ? i + 3 : i + 2;
		for (const last of [head, head + 1]) {
			if (last >= words.length) break;
			const phrase = [first, ...words.slice(head, last + 1)].map((w) => w.text).join(' ');
			const [match] = findAliasMatches(aliasIndex, phrase);
			if (match && match.start === 0 && match.end === phrase.length) {
				found.push({ ...match, start: first.start, end: words[last]!.end });
				break;
			}
		}
	}
	return found;
}
