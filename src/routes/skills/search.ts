// Skill search by name, id or alias. Runs on the server for the no-JS form (?q=) and in the
// browser for instant filtering, so both give the same answer.
import { aliasKey } from '$lib/core/aliases';

export interface Searchable {
	id: string;
	name: string;
	aliases: readonly string[];
}

export interface SearchHit {
	id: string;
	/** The alias that matched, when the name itself did not. */
	alias?: string;
}

/** True when the query's words start at a word of the text: "contain" finds "containers", "lora" not "exploratory". */
function startsAtWord(key: string, q: string): boolean {
	return ` ${key}`.includes(` ${q}`);
}

export function searchSkills(skills: readonly Searchable[], query: string): SearchHit[] {
	const q = aliasKey(query);
	if (q === '') return [];
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
