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

function byPrefix(skills: readonly Searchable[], q: string): SearchHit[] {
	const hits: SearchHit[] = [];
	for (const skill of skills) {
		if (startsAtWord(aliasKey(skill.name), q) || startsAtWord(aliasKey(skill.id), q)) {
			hits.push({ id: skill.id });
			continue;
		}
		// An exact alias beats a partial one: "k8s" should report k8s, not "k8s operators".
		const keys = skill.aliases.map((a) => ({ alias: a, key: aliasKey(a) }));
		const hit = keys.find((k) => k.key === q) ?? keys.find((k) => startsAtWord(k.key, q));
		if (hit) hits.push({ id: skill.id, alias: hit.alias });
	}
	return hits;
}

// The index is built once per skill list; the page searches the same list on every keystroke.
const indexes = new WeakMap<readonly Searchable[], AliasIndex>();

function namesIndex(skills: readonly Searchable[]): AliasIndex {
	let index = indexes.get(skills);
	if (!index) {
		index = buildAliasIndex(
			skills.map((s) => ({ id: s.id, aliases: [s.name, s.id, ...s.aliases] }))
		);
		indexes.set(skills, index);
	}
	return index;
}

/** Skills whose name or alias appears whole inside the query, as the job-description analyser reads them. */
function byNamesInside(skills: readonly Searchable[], query: string): SearchHit[] {
	const names = new Map(skills.map((s) => [s.id, s]));
	const hits = new Map<string, SearchHit>();
	for (const m of findAliasMatches(namesIndex(skills), query)) {
		if (hits.has(m.skillId)) continue;
		const skill = names.get(m.skillId)!;
		const own = m.alias === skill.name || m.alias === skill.id;
		hits.set(m.skillId, own ? { id: m.skillId } : { id: m.skillId, alias: m.alias });
	}
	return [...hits.values()];
}

/**
 * What it takes to read `text` as the query: the typos in the query's words plus a little for
 * each word of `text` the query leaves out, so "pytroch" is PyTorch before "PyTorch Mobile".
 */
function nearCost(typed: readonly string[], text: string, lastUnfinished: boolean): number {
	const words = aliasKey(text).split(' ');
	let cost = 0;
	for (const [i, t] of typed.entries()) {
		const unfinished = lastUnfinished && i === typed.length - 1;
		// "SDKs" finds "OpenAI SDK": a plural is its singular, as in the analyser.
		const forms = plural(t) ? [t, t.slice(0, -1)] : [t];
		cost += Math.min(...forms.flatMap((f) => words.map((w) => wordEdits(f, w, unfinished))));
		if (cost === Infinity) return cost;
	}
	return cost + 0.1 * Math.max(0, words.length - typed.length);
}

/** Skills with a name or alias holding every meaningful word of the query, each within a typo or two; closest first. */
function byNearWords(
	skills: readonly Searchable[],
	q: string,
	lastUnfinished: boolean
): SearchHit[] {
	const typed = q.split(' ').filter((w) => !FILLER.has(w));
	if (typed.length === 0) return [];
	const hits: { hit: SearchHit; cost: number }[] = [];
	for (const skill of skills) {
		let best: { text: string; cost: number } | undefined;
		for (const text of [skill.name, skill.id, ...skill.aliases]) {
			const cost = nearCost(typed, text, lastUnfinished);
			if (cost < (best?.cost ?? Infinity)) best = { text, cost };
		}
		if (!best) continue;
		const own = best.text === skill.name || best.text === skill.id;
		const hit: SearchHit = own
			? { id: skill.id, near: true }
			: { id: skill.id, alias: best.text, near: true };
		hits.push({ hit, cost: best.cost });
	}
	return hits.sort((a, b) => a.cost - b.cost).map((h) => h.hit);
}

export function searchSkills(skills: readonly Searchable[], query: string): SearchHit[] {
	const q = aliasKey(query);
	if (q === '') return [];
	const prefixed = byPrefix(skills, q);
	if (prefixed.length > 0) return prefixed;
	const inside = byNamesInside(skills, query);
	if (inside.length > 0) return inside;
	// A query still being typed ends mid-word; one followed by a space or a submit does not.
	return byNearWords(skills, q, !/\s$/.test(query));
}
