// Technical terms the graph did not recognise, so the learner sees everything the analysis
// could not place. A term is listed when its spelling marks it as a name (CamelCase like
// "LangSmith", an acronym like "MLIR", letters with digits like "A10G"), when it is a
// capitalised word in a list beside a known tool or another name ("Spark, dbt, or Beam"), or
// when it is a noun phrase headed by a technical noun ("anomaly detection", "expert
// parallelism"). One pass over the sentence's words with a cursor over the known matches.
import { COMMON, GENERIC, STOP, TECH_HEADS } from './vocabulary';

export interface TermSpan {
	start: number;
	end: number;
}

interface Token extends TermSpan {
	text: string;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[.\-/][\p{L}\p{N}+#]+)*/gu;
const UNIT = /^(?:\d+(?:\.\d+)?(?:[bdhkmsx]|ms|bn|gb|tb|mb|th|st|nd|rd|yrs?)|p\d{2,3})$/i;
const DOMAIN = /\.(?:com|org|net|edu|gov|co|io)$/i;
// Words glued together by a web page's lost line breaks: "engineeringMLOps", "tuningModel".
const GLUED = /(?:^|[-/])\p{Ll}{5,}\p{Lu}/u;

function nameLike(word: string): boolean {
	if (DOMAIN.test(word) || GLUED.test(word)) return false;
	return word.split(/[-/.]/).some((part) => {
		if (part.length < 2 || STOP.has(part.toLowerCase())) return false;
		// "7B", "10x" and "3d" are amounts; "3D" is a kind of geometry.
		if (UNIT.test(part) && !/^\d+D$/.test(part)) return false;
		const letters = /\p{L}/u.test(part);
		const innerCapital = /\p{Lu}/u.test(part.slice(1));
		const acronymOfTwo = part.length === 2 && part === part.toUpperCase();
		const digits = letters && /\p{N}/u.test(part) && part.length <= 12;
		return (innerCapital && !acronymOfTwo) || digits;
	});
}

// "Polaris", and hyphenated names whose parts are capitalised: "U-Net", "X-Decoder".
const capitalised = (word: string) => /^\p{Lu}(?:\p{Ll}|-\p{Lu})/u.test(word);
const lowercase = (word: string) => /^\p{Ll}[\p{Ll}\p{N}-]*$/u.test(word);

// What may stand between two items of one list: "A, B", "A/B", "A or B", "A, and B", "(A, B)".
const LIST_GAPS = new Set([',', '/', '&', 'or', 'and', ',or', ',and', '(', '),', ',e.g.', '(e.g.']);
const MAX_GAP = 12;

function isListGap(sentence: string, from: number, to: number): boolean {
	if (to - from > MAX_GAP || to < from) return false;
	return LIST_GAPS.has(sentence.slice(from, to).replaceAll(' ', ''));
}

const ignorable = (t: Token) => STOP.has(t.text.toLowerCase()) || COMMON.has(t.text.toLowerCase());

/**
 * Candidate terms of one sentence that overlap no recognised alias (`known`: the alias
 * matches in the sentence, left to right and not overlapping, as findAliasMatches gives them).
 */
export function unknownTerms(sentence: string, known: readonly TermSpan[]): string[] {
	const tokens: Token[] = [];
	WORD.lastIndex = 0;
	for (let m = WORD.exec(sentence); m !== null; m = WORD.exec(sentence)) {
		tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
	}
	// For each token, whether it overlaps a known match and the nearest known match on each side.
	const overlaps: boolean[] = [];
	const besideKnown: boolean[] = [];
	let k = 0;
	for (const t of tokens) {
		while (k < known.length && known[k]!.end <= t.start) k += 1;
		const next = known[k];
		const hit = next !== undefined && next.start < t.end;
		overlaps.push(hit);
		const before = known[k - 1];
		besideKnown.push(
			!hit &&
				((before !== undefined && isListGap(sentence, before.end, t.start)) ||
					(next !== undefined && isListGap(sentence, t.end, next.start)))
		);
	}
	const skip = (i: number) => ignorable(tokens[i]!) || overlaps[i]!;

	const terms: string[] = [];
	let lastEnd = -1;
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i]!;
		const listed = besideKnown[i]! || (lastEnd >= 0 && isListGap(sentence, lastEnd, t.start));
		const accepted = !skip(i) && (nameLike(t.text) || (i > 0 && capitalised(t.text) && listed));
		if (!accepted) {
			const phrase = headedPhrase(tokens, i, sentence, overlaps);
			if (phrase) {
				terms.push(sentence.slice(phrase.start, phrase.end));
				lastEnd = phrase.end;
			}
			i += 1;
			continue;
		}
		// Extend over following capitalised words joined by a single space ("Argo CD").
		let j = i;
		while (
			j + 1 < tokens.length &&
			j - i < 2 &&
			/^\p{Lu}/u.test(tokens[j + 1]!.text) &&
			sentence.slice(tokens[j]!.end, tokens[j + 1]!.start) === ' ' &&
			!skip(j + 1)
		) {
			j += 1;
		}
		terms.push(sentence.slice(t.start, tokens[j]!.end));
		lastEnd = tokens[j]!.end;
		i = j + 1;
	}
	return terms;
}

// Verb forms ("deploying models", "deployed models") describe work, they do not name a term.
const VERB_FORM = /(?:ing|ed)$/;
const specific = (word: string) =>
	!GENERIC.has(word) &&
	!(COMMON.has(word) && word !== 'data' && word !== 'model') &&
	!VERB_FORM.test(word);

/**
 * "anomaly detection", "time series forecasting": a technical head noun at `i` with one or two
 * specific words right before it (not generic ones like "new" or "production", not verbs).
 */
function headedPhrase(
	tokens: readonly Token[],
	i: number,
	sentence: string,
	overlaps: readonly boolean[]
): TermSpan | null {
	const head = tokens[i]!;
	if (!TECH_HEADS.has(head.text.toLowerCase()) || overlaps[i]) return null;
	let first = i;
	while (first > 0 && i - first < 2) {
		const m = tokens[first - 1]!;
		const joined = sentence.slice(m.end, tokens[first]!.start) === ' ';
		const word = m.text.toLowerCase();
		// Capitalised first words are mostly verbs of duties: "Harden agents against …".
		if (!joined || !lowercase(m.text) || overlaps[first - 1] || !specific(word)) break;
		first -= 1;
	}
	return first === i ? null : { start: tokens[first]!.start, end: head.end };
}
