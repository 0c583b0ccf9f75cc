// Finds the skills a piece of text (a job description, a search) names through their aliases.
// Matching works on word tokens, so "Docker" never matches inside "Dockerfile", case and
// punctuation between words do not matter ("CI/CD" = "ci-cd" = "CI / CD"), and a
// hyphenated or slashed alias also matches written solid ("scikit-learn" = "scikitlearn").

export interface AliasMatch {
	skillId: string;
	/** The alias as written in the content, not as found in the text. */
	alias: string;
	/** Character offsets of the match in the searched text: text.slice(start, end). */
	start: number;
	end: number;
}

interface AliasEntry {
	skillId: string;
	alias: string;
}

interface TrieNode {
	next: Map<string, TrieNode>;
	entry?: AliasEntry;
}

export interface AliasIndex {
	readonly root: TrieNode;
	/** Normalised alias key → its skill; explicit aliases only (no solid-written variants). */
	readonly byKey: ReadonlyMap<string, AliasEntry>;
}

interface Token {
	word: string;
	start: number;
	end: number;
}

// A word is a run of letters and digits; trailing + or # stay attached so C++ and C# are words.
const WORD = /[\p{L}\p{N}]+[+#]*/gu;

export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	for (const m of text.matchAll(WORD)) {
		tokens.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
	}
	return tokens;
}

/** The form two aliases are compared in: lower-case words joined by single spaces. */
export function aliasKey(alias: string): string {
	return tokenize(alias)
		.map((t) => t.word)
		.join(' ');
}

/** True when every separator between the alias's words is punctuation, not a space. */
function isSolidCompound(alias: string, tokens: Token[]): boolean {
	if (tokens.length < 2) return false;
	for (let i = 1; i < tokens.length; i++) {
		const gap = alias.slice(tokens[i - 1]!.end, tokens[i]!.start);
		if (gap.length === 0 || /\s/.test(gap)) return false;
	}
	return true;
}

function insert(root: TrieNode, words: string[], entry: AliasEntry): boolean {
	let node = root;
	for (const word of words) {
		let child = node.next.get(word);
		if (!child) {
			child = { next: new Map() };
			node.next.set(word, child);
		}
		node = child;
	}
	if (node.entry) return false;
	node.entry = entry;
	return true;
}

/**
 * Indexes every alias of every skill. An alias key belongs to one skill; if content ever
 * repeats one (the loader rejects that), the first skill keeps it.
 */
export function buildAliasIndex(
	skills: readonly { id: string; aliases: readonly string[] }[]
): AliasIndex {
	const root: TrieNode = { next: new Map() };
	const byKey = new Map<string, AliasEntry>();
	const solid: { word: string; entry: AliasEntry }[] = [];
	for (const skill of skills) {
		for (const alias of skill.aliases) {
			const tokens = tokenize(alias);
			if (tokens.length === 0) continue;
			const entry = { skillId: skill.id, alias };
			const key = tokens.map((t) => t.word).join(' ');
			if (byKey.has(key)) continue;
			byKey.set(key, entry);
			insert(
				root,
				tokens.map((t) => t.word),
				entry
			);
			if (isSolidCompound(alias, tokens))
				solid.push({ word: tokens.map((t) => t.word).join(''), entry });
		}
	}
	// Solid variants come last so an explicit alias always wins over a derived one.
	for (const { word, entry } of solid) insert(root, [word], entry);
	return { root, byKey };
}

// What may stand between two words of one name: spaces and the marks names are written with
// ("CI/CD", "scikit-learn", "R&D", "tf.data"). Anything else ends the phrase: "Full-time ·
// Series B" names no time series, and "AWS (Bedrock" is AWS, then Bedrock.
const JOINER = /^\s*(?:[-/&+_–]\s*)?$|^[.'’]$/;

/** A word that may be the plural of a name: "models", "GPUs"; not "class" or "bus". */
export function plural(word: string): boolean {
	return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us');
}

function joins(text: string, a: Token, b: Token): boolean {
	return JOINER.test(text.slice(a.end, b.start));
}

/**
 * Every alias occurrence in `text`, left to right, without overlaps; where aliases overlap
 * the longest one starting first wins ("Kubernetes operators" over "Kubernetes").
 */
export function findAliasMatches(index: AliasIndex, text: string): AliasMatch[] {
	const tokens = tokenize(text);
	const matches: AliasMatch[] = [];
	let i = 0;
	while (i < tokens.length) {
		let node: TrieNode | undefined = index.root;
		let best: { entry: AliasEntry; last: number } | undefined;
		for (let j = i; j < tokens.length && node; j++) {
			if (j > i && !joins(text, tokens[j - 1]!, tokens[j]!)) break;
			const word = tokens[j]!.word;
			// A plural ends a name written in the singular: "reward models", "H100s", "LoRAs".
			const singular = plural(word) ? node.next.get(word.slice(0, -1))?.entry : undefined;
			if (singular) best = { entry: singular, last: j };
			node = node.next.get(word);
			if (node?.entry) best = { entry: node.entry, last: j };
		}
		if (best) {
			matches.push({
				skillId: best.entry.skillId,
				alias: best.entry.alias,
				start: tokens[i]!.start,
				end: tokens[best.last]!.end
			});
			i = best.last + 1;
		} else {
			i += 1;
		}
	}
	return matches;
}
