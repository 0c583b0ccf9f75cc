// The posting's terms a CV never mentions: the phrases that named each skill the posting asks
// for ("LLMs", "CI/CD"), then the technical terms the analyser could not place ("LangSmith"),
// so the learner knows what to study — and what to write, in the posting's own words.
import { aliasKey, findAliasMatches, tokenize, type AliasIndex } from '../aliases';
import type { JdAnalysis } from '../jd';

export interface PostingTerm {
	term: string;
	/** The skill the term names, or null for a term the graph has no skill for. */
	skillId: string | null;
}

/** No posting phrase is longer; a longer one could never be looked up. */
const MAX_TERM_WORDS = 8;

/**
 * The posting's terms, each once (compared as alias keys: case and punctuation aside): for each
 * skill, in the analysis's order, the phrases its quotes name it by; then the unmatched terms.
 */
export function postingTerms(analysis: JdAnalysis, aliasIndex: AliasIndex): PostingTerm[] {
	const terms = new Map<string, PostingTerm>();
	const add = (term: string, skillId: string | null) => {
		const key = aliasKey(term);
		if (key && key.split(' ').length <= MAX_TERM_WORDS && !terms.has(key))
			terms.set(key, { term, skillId });
	};
	for (const skill of analysis.skills) {
		for (const quote of skill.evidence) {
			for (const m of findAliasMatches(aliasIndex, quote)) {
				if (m.skillId === skill.id) add(quote.slice(m.start, m.end), skill.id);
			}
		}
	}
	for (const term of analysis.unmatched) add(term, null);
	return [...terms.values()];
}

/** Every run of up to `maxWords` words of the text, as alias keys. Linear in the text. */
function phrasesOf(text: string, maxWords: number): Set<string> {
	const words = tokenize(text).map((t) => t.word);
	const phrases = new Set<string>();
	for (let i = 0; i < words.length; i++) {
		let phrase = '';
		for (let j = i; j < Math.min(words.length, i + maxWords); j++) {
			phrase = phrase ? `${phrase} ${words[j]}` : words[j]!;
			phrases.add(phrase);
		}
	}
	return phrases;
}

/** The terms the CV never mentions, in the posting's order. */
export function missingTerms(cvText: string, terms: readonly PostingTerm[]): PostingTerm[] {
	if (terms.length === 0) return [];
	const longest = Math.max(...terms.map((t) => aliasKey(t.term).split(' ').length));
	const mentioned = phrasesOf(cvText, longest);
	return terms.filter((t) => !mentioned.has(aliasKey(t.term)));
}
