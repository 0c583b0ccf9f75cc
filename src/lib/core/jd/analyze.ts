// The job-description analyser: which skills a pasted text asks for, how much each matters
// (must / nice, from the text's own structure and phrasing), the level it implies and why, the
// quotes that show it, the job title and every term it could not place. Pure: the graph and
// its alias index are passed in.
import { findAliasMatches, type AliasIndex } from '../aliases';
import type { Graph, Importance } from '../types';
import { askingSentences, REPEATED, skillImportance } from './importance';
import { proposeLevel, type Focus } from './levels';
import { closestRole, roleNamesakes } from './role';
import { scan, type Mention } from './scan';
import type { SectionKind } from './sections';
import { excerpt } from './text';
import { roleTiers, tierOfTitle, tierOfYears, type Tier } from './seniority';

export const MAX_JD_CHARS = 20_000;
const MAX_EVIDENCE = 3;
const MAX_QUOTED = 50;

export interface JdSkill {
	id: string;
	name: string;
	importance: Importance;
	targetLevel: number;
	/** Quotes of the text, each containing the phrase that named the skill. */
	evidence: string[];
	/** Why this level: "Level 3: the job is about it (its title … names it), at mid-level level." */
	levelReason: string;
}

export interface JdAnalysis {
	skills: JdSkill[];
	/** Technical terms the graph has no skill for, in order of first appearance. */
	unmatched: string[];
	/** The job title the text announces, or null. */
	title: string | null;
}

/** What the proposed levels rest on, for the page to explain them. */
export interface JdBasis {
	/** The role profile whose skills overlap the text's most. */
	roleId: string | null;
	/** Years of experience the text states (lower bound of the first mention). */
	years: number | null;
	/** Seniority tier from a title word or the years, null when the text states none. */
	tier: Tier | null;
}

const SECTION_RANK: Record<SectionKind, number> = {
	must: 0,
	duties: 1,
	nice: 2,
	narrative: 3,
	ignore: 4
};

const MID: Tier = 1;

function distinctTerms(terms: readonly string[], aliasIndex: AliasIndex): string[] {
	const seen = new Set<string>();
	const kept: string[] = [];
	for (const term of terms) {
		const key = term.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		if (findAliasMatches(aliasIndex, term).length === 0) kept.push(term);
	}
	return kept;
}

/**
 * The mentions that ask for the skill as it is wanted: its requirements for a must, its
 * nice-to-haves for a nice. A company blurb that names Llama sets no level for transformers.
 */
function asking(found: readonly Mention[], importance: Importance): readonly Mention[] {
	const asks = found.filter((m) => m.ask === importance);
	return asks.length > 0 ? asks : found;
}

/** Quotes for the skill: requirements before responsibilities before the rest, no repeats. */
function evidenceOf(found: readonly Mention[]): string[] {
	const ranked = [...found].sort(
		(a, b) =>
			Number(b.ask === 'must') - Number(a.ask === 'must') ||
			SECTION_RANK[a.section] - SECTION_RANK[b.section] ||
			a.order - b.order
	);
	const quotes = new Set<string>();
	// Quoting is the costly part: quote only the best-ranked mentions, until three differ.
	for (const m of ranked.slice(0, MAX_QUOTED)) {
		quotes.add(excerpt(m.text, m.start, m.end));
		if (quotes.size === MAX_EVIDENCE) break;
	}
	return [...quotes];
}

// Per graph and alias index: the profiles and their names change only with the content.
const namesakeCache = new WeakMap<AliasIndex, Map<string, readonly string[]>>();

function namesakesOf(graph: Graph, aliasIndex: AliasIndex): Map<string, readonly string[]> {
	let found = namesakeCache.get(aliasIndex);
	if (!found) {
		found = roleNamesakes(graph.roles, (text) =>
			findAliasMatches(aliasIndex, text).map((m) => m.skillId)
		);
		namesakeCache.set(aliasIndex, found);
	}
	return found;
}

export function analyzeJobDescriptionWithBasis(
	text: string,
	graph: Graph,
	aliasIndex: AliasIndex
): JdAnalysis & { basis: JdBasis } {
	const { mentions, unmatched, years, title, hasAskSection } = scan(text, aliasIndex);
	const bySkill = new Map<string, Mention[]>();
	for (const m of mentions) {
		if (!graph.skillById.has(m.skillId)) continue;
		const list = bySkill.get(m.skillId);
		if (list) list.push(m);
		else bySkill.set(m.skillId, [m]);
	}

	const importanceOf = new Map<string, Importance>(
		[...bySkill].map(([id, found]) => [id, skillImportance(found, hasAskSection)])
	);
	const role = closestRole(
		graph.roles,
		importanceOf,
		title?.text ?? null,
		namesakesOf(graph, aliasIndex)
	);
	const titleTier = title ? tierOfTitle(title.text) : undefined;
	const tier = titleTier ?? (years === null ? null : tierOfYears(years));
	// A posting more senior than the profile's typical years asks one step more of its skills.
	// One that states no seniority asks at most mid-level: a broad posting that resembles the
	// staff profile (which lists the most skills) does not ask for staff levels.
	const [lowest, highest] = role ? roleTiers(role.years) : [MID, MID];
	const roleShift =
		tier === null ? (MID < lowest ? -1 : 0) : tier > highest ? 1 : tier < lowest ? -1 : 0;
	const roleLevel = new Map(role?.skills.map((s) => [s.id, s.level]) ?? []);
	const titleSkills = new Set(
		title ? findAliasMatches(aliasIndex, title.text).map((m) => m.skillId) : []
	);

	const skills: (JdSkill & { weight: number; first: number })[] = [];
	for (const [id, found] of bySkill) {
		const importance = importanceOf.get(id)!;
		const sentences = askingSentences(found);
		const focus: Focus | null = titleSkills.has(id)
			? { kind: 'title', title: title!.text }
			: sentences >= REPEATED
				? { kind: 'repeated', sentences }
				: null;
		const { level, reason } = proposeLevel({
			importance,
			role: role ? { name: role.name, level: roleLevel.get(id) } : null,
			roleShift,
			tier,
			focus,
			cues: asking(found, importance).map((m) => m.cue)
		});
		skills.push({
			id,
			name: graph.skillById.get(id)!.name,
			importance,
			targetLevel: level,
			evidence: evidenceOf(found),
			levelReason: reason,
			weight: found.length,
			first: found[0]!.order
		});
	}
	skills.sort(
		(a, b) =>
			Number(b.importance === 'must') - Number(a.importance === 'must') ||
			b.weight - a.weight ||
			a.first - b.first
	);
	return {
		skills: skills.map(({ id, name, importance, targetLevel, evidence, levelReason }) => ({
			id,
			name,
			importance,
			targetLevel,
			evidence,
			levelReason
		})),
		unmatched: distinctTerms(unmatched, aliasIndex),
		title: title?.text ?? null,
		basis: { roleId: role?.id ?? null, years, tier }
	};
}

/** The analysis as POST /api/jd/analyze returns it: `{ skills, unmatched, title }`. */
export function analyzeJobDescription(
	text: string,
	graph: Graph,
	aliasIndex: AliasIndex
): JdAnalysis {
	const { skills, unmatched, title } = analyzeJobDescriptionWithBasis(text, graph, aliasIndex);
	return { skills, unmatched, title };
}
