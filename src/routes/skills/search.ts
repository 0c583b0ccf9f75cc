// Skill search by name, id or alias. Runs on the server for the no-JS form (?q=) and in the
// browser for instant filtering, so both give the same answer. It reads a query the way a
// learner types one: a start of a name ("kube"), a topic that names a skill inside it
// ("Hugging Face Hub"), or a word with a typo in it ("pytroch").
import {
	aliasKey,
	buildAliasIndex,
	findAliasMatches,
	plural,
	type AliasIndex
} from '$lib/core/aliases';
import { wordEdits } from '$lib/core/typo';

export interface Searchable {
	id: string;
	name: string;
	aliases: readonly string[];
}

export interface SearchHit {
	id: string;
	/** The alias that matched, when the name itself did not. */
	alias?: string;
	/** Matched only allowing for typos: a guess at what was meant. */
	near?: true;
}

// Words that say nothing about which skill is meant ("bias and fairness", "RAG vs fine-tuning").
const FILLER = new Set(
	'a an and are for how in is of on or the to vs versus what with your use uses using case cases usecase usecases directly'.split(
		' '
	)
);

/** True when the query's words start at a word of the text: "contain" finds "containers", "lora" not "exploratory". */
function startsAtWord(key: string, q: string): boolean {
	return ` ${key}`.includes(` ${q}`);
}

/** A skill's names, each in the form queries are compared in. */
interface Named {
	id: string;
	texts: { text: string; key: string; words: string[]; own: boolean }[];
}

interface Prepared {
	named: Named[];
	index: AliasIndex;
}

// Worked out once per skill list: the page searches the same list on every keystroke, and
// normalising some 3,000 names each time was most of a search.
const prepared = new WeakMap<readonly Searchable[], Prepared>();

function prepare(skills: readonly Searchable[]): Prepared {
	let found = prepared.get(skills);
	if (!found) {
		const named = skills.map((s) => ({
			id: s.id,
			texts: [
				...[s.name, s.id].map((text) => ({ text, own: true })),
				...s.aliases.map((text) => ({ text, own: false }))
			].map(({ text, own }) => {
				const key = aliasKey(text);
				return { text, key, words: key.split(' '), own };
			})
		}));
		const index = buildAliasIndex(
			skills.map((s) => ({ id: s.id, aliases: [s.name, s.id, ...s.aliases] }))
		);
		prepared.set(skills, (found = { named, index }));
	}
	return found;
}

const hitOf = (id: string, text: { text: string; own: boolean }, near?: true): SearchHit => ({
	id,
	...(text.own ? {} : { alias: text.text }),
	...(near ? { near } : {})
});

function byPrefix(named: readonly Named[], q: string): SearchHit[] {
	const hits: SearchHit[] = [];
	for (const skill of named) {
		const own = skill.texts.find((t) => t.own && startsAtWord(t.key, q));
		if (own) {
			hits.push({ id: skill.id });
			continue;
		}
		// An exact alias beats a partial one: "k8s" should report k8s, not "k8s operators".
		const hit =
			skill.texts.find((t) => t.key === q) ?? skill.texts.find((t) => startsAtWord(t.key, q));
		if (hit) hits.push(hitOf(skill.id, hit));
	}
	return hits;
}

/** Skills whose name or alias appears whole inside the query, as the job-description analyser reads them. */
function byNamesInside({ named, index }: Prepared, query: string): SearchHit[] {
	const byId = new Map(named.map((s) => [s.id, s]));
	const hits = new Map<string, SearchHit>();
	for (const m of findAliasMatches(index, query)) {
		if (hits.has(m.skillId)) continue;
		const text = byId.get(m.skillId)!.texts.find((t) => t.text === m.alias)!;
		hits.set(m.skillId, hitOf(m.skillId, text));
	}
	return [...hits.values()];
}

/**
 * What it takes to read a name as the query: the typos in the query's words plus a little for
 * each word of the name the query leaves out, so "pytroch" is PyTorch before "PyTorch Mobile".
 * `edits[i]` gives the edits from the query's i-th word to a word of a name.
 */
function nearCost(edits: readonly ((word: string) => number)[], words: readonly string[]): number {
	let cost = 0;
	for (const editsTo of edits) {
		cost += Math.min(...words.map(editsTo));
		if (cost === Infinity) return cost;
	}
	return cost + 0.1 * Math.max(0, words.length - edits.length);
}

/** Skills with a name or alias holding every meaningful word of the query, each within a typo or two; closest first. */
function byNearWords(named: readonly Named[], q: string, lastUnfinished: boolean): SearchHit[] {
	const typed = q.split(' ').filter((w) => !FILLER.has(w));
	if (typed.length === 0) return [];
	// Names share most of their words: each query word is compared with each distinct word once.
	const edits = typed.map((t, i) => {
		const unfinished = lastUnfinished && i === typed.length - 1;
		// "SDKs" finds "OpenAI SDK": a plural is its singular, as in the analyser.
		const forms = plural(t) ? [t, t.slice(0, -1)] : [t];
		const known = new Map<string, number>();
		return (word: string) => {
			let n = known.get(word);
			if (n === undefined) {
				n = Math.min(...forms.map((f) => wordEdits(f, word, unfinished)));
				known.set(word, n);
			}
			return n;
		};
	});
	const hits: { hit: SearchHit; cost: number }[] = [];
	for (const skill of named) {
		let best: { text: Named['texts'][number]; cost: number } | undefined;
		for (const text of skill.texts) {
			const cost = nearCost(edits, text.words);
			if (cost < (best?.cost ?? Infinity)) best = { text, cost };
		}
		if (best) hits.push({ hit: hitOf(skill.id, best.text, true), cost: best.cost });
	}
	return hits.sort((a, b) => a.cost - b.cost).map((h) => h.hit);
}

export function searchSkills(skills: readonly Searchable[], query: string): SearchHit[] {
	const q = aliasKey(query);
	if (q === '') return [];
	const ready = prepare(skills);
	const prefixed = byPrefix(ready.named, q);
	if (prefixed.length > 0) return prefixed;
	const inside = byNamesInside(ready, query);
	if (inside.length > 0) return inside;
	// A query still being typed ends mid-word; one followed by a space or a submit does not.
	return byNearWords(ready.named, q, !/\s$/.test(query));
}
