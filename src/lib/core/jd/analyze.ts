// The job-description analyser: which skills a pasted text asks for, how much each matters
// (must / nice, from the text's own structure and phrasing), the level it implies, and the
// sentences that show it. Pure: the graph and its alias index are passed in.
import { findAliasMatches, type AliasIndex } from '../aliases';
import type { Graph, Importance, Role } from '../types';
import { asksFor, isAboutDegrees, isHedged, levelBounds, type LevelBounds } from './cues';
import { classifyHeading, type SectionKind } from './sections';
import { tierOfRoleYears, tierOfTitle, tierOfYears, yearsIn, type Tier } from './seniority';
import { excerpt, isBulleted, splitLines, splitSentences, stripBullet } from './text';
import { unknownTerms } from './unmatched';

export const MAX_JD_CHARS = 20_000;
const MAX_EVIDENCE = 3;
const MAX_UNMATCHED = 30;
/** Levels proposed when neither the text nor the closest role profile says more. */
const DEFAULT_LEVEL: Record<Importance, number> = { must: 2, nice: 1 };
/** The tier the default levels stand for (2–5 years). */
const MID_TIER = 1;

export interface JdSkill {
	id: string;
	name: string;
	importance: Importance;
	targetLevel: number;
	evidence: string[];
}

export interface JdAnalysis {
	skills: JdSkill[];
	unmatched: string[];
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

interface Mention {
	skillId: string;
	excerpt: string;
	section: SectionKind;
	importance: Importance;
	bounds: LevelBounds;
	order: number;
}

const SECTION_RANK: Record<SectionKind, number> = {
	must: 0,
	duties: 1,
	nice: 2,
	narrative: 3,
	ignore: 4
};

function mentionImportance(section: SectionKind, sentence: string): Importance {
	if (isHedged(sentence)) return 'nice';
	if (section === 'must' || section === 'duties') return 'must';
	if (section === 'nice') return 'nice';
	return asksFor(sentence) ? 'must' : 'nice';
}

/**
 * The role whose skills overlap the found ones most: weighted Jaccard, where a role skill weighs
 * its weight (must 1, nice 0.5) and a found skill 1 when must, 0.5 when nice. Ties keep content
 * order.
 */
export function closestRole(
	roles: readonly Role[],
	found: ReadonlyMap<string, Importance>
): Role | null {
	let best: Role | null = null;
	let bestScore = 0;
	for (const role of roles) {
		const roleWeight = new Map(role.skills.map((s) => [s.id, s.weight]));
		let shared = 0;
		let union = 0;
		for (const id of new Set([...roleWeight.keys(), ...found.keys()])) {
			const a = roleWeight.get(id) ?? 0;
			const imp = found.get(id);
			const b = imp === undefined ? 0 : imp === 'must' ? 1 : 0.5;
			shared += Math.min(a, b);
			union += Math.max(a, b);
		}
		const score = union === 0 ? 0 : shared / union;
		if (score > bestScore) {
			best = role;
			bestScore = score;
		}
	}
	return best;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

interface Scan {
	mentions: Mention[];
	unmatched: string[];
	years: number | null;
	titleTier: Tier | null;
}

function scan(text: string, aliasIndex: AliasIndex): Scan {
	const mentions: Mention[] = [];
	const unmatched: string[] = [];
	let section: SectionKind = 'narrative';
	let years: number | null = null;
	let titleTier: Tier | null = null;
	const lines = splitLines(text);
	for (const [i, raw] of lines.entries()) {
		const line = stripBullet(raw);
		if (!isBulleted(raw)) {
			const heading = classifyHeading(line, findAliasMatches(aliasIndex, line).length > 0);
			if (heading) section = heading;
		}
		// A title sits in the first lines and is short: "Senior Machine Learning Engineer".
		if (i < 3 && titleTier === null && line.split(/\s+/).length <= 10) {
			titleTier = tierOfTitle(line) ?? null;
		}
		if (section === 'ignore') continue;
		for (const sentence of splitSentences(line)) {
			years ??= yearsIn(sentence) ?? null;
			if (isAboutDegrees(sentence)) continue;
			const matches = findAliasMatches(aliasIndex, sentence);
			const importance = mentionImportance(section, sentence);
			for (const m of matches) {
				mentions.push({
					skillId: m.skillId,
					excerpt: excerpt(sentence, m.start, m.end),
					section,
					importance,
					bounds: levelBounds(sentence, m.start),
					order: mentions.length
				});
			}
			unmatched.push(...unknownTerms(sentence, matches));
		}
	}
	return { mentions, unmatched, years, titleTier };
}

function distinctTerms(terms: readonly string[], aliasIndex: AliasIndex): string[] {
	const seen = new Set<string>();
	const kept: string[] = [];
	for (const term of terms) {
		const key = term.toLowerCase();
		if (seen.has(key) || findAliasMatches(aliasIndex, term).length > 0) continue;
		seen.add(key);
		kept.push(term);
		if (kept.length === MAX_UNMATCHED) break;
	}
	return kept;
}

export function analyzeJobDescriptionWithBasis(
	text: string,
	graph: Graph,
	aliasIndex: AliasIndex
): JdAnalysis & { basis: JdBasis } {
	const { mentions, unmatched, years, titleTier } = scan(text, aliasIndex);
	const bySkill = new Map<string, Mention[]>();
	for (const m of mentions) {
		if (!graph.skillById.has(m.skillId)) continue;
		bySkill.set(m.skillId, [...(bySkill.get(m.skillId) ?? []), m]);
	}

	const importanceOf = new Map<string, Importance>(
		[...bySkill].map(([id, found]) => [
			id,
			found.some((m) => m.importance === 'must') ? 'must' : 'nice'
		])
	);
	const role = closestRole(graph.roles, importanceOf);
	const tier = titleTier ?? (years === null ? null : tierOfYears(years));
	// Relative to the profile for its own skills; relative to mid level for any other skill.
	const shift = tier === null || !role ? 0 : clamp(tier - tierOfRoleYears(role.years), -1, 1);
	const defaultShift = tier === null ? 0 : clamp(tier - MID_TIER, -1, 1);
	const roleLevel = new Map(role?.skills.map((s) => [s.id, s.level]) ?? []);

	const skills: (JdSkill & { weight: number; first: number })[] = [];
	for (const [id, found] of bySkill) {
		const importance = importanceOf.get(id)!;
		const fromRole = roleLevel.get(id);
		const base = clamp(
			fromRole === undefined ? DEFAULT_LEVEL[importance] + defaultShift : fromRole + shift,
			1,
			4
		);
		const targetLevel = Math.max(
			...found.map((m) => clamp(Math.max(base, m.bounds.floor), 1, m.bounds.ceiling))
		);
		const ranked = [...found].sort(
			(a, b) =>
				Number(b.importance === 'must') - Number(a.importance === 'must') ||
				SECTION_RANK[a.section] - SECTION_RANK[b.section] ||
				a.order - b.order
		);
		const evidence = [...new Set(ranked.map((m) => m.excerpt))].slice(0, MAX_EVIDENCE);
		skills.push({
			id,
			name: graph.skillById.get(id)!.name,
			importance,
			targetLevel: clamp(targetLevel, 1, 4),
			evidence,
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
		skills: skills.map(({ id, name, importance, targetLevel, evidence }) => ({
			id,
			name,
			importance,
			targetLevel,
			evidence
		})),
		unmatched: distinctTerms(unmatched, aliasIndex),
		basis: { roleId: role?.id ?? null, years, tier }
	};
}

/** The analysis as POST /api/jd/analyze returns it: `{ skills, unmatched }`. */
export function analyzeJobDescription(
	text: string,
	graph: Graph,
	aliasIndex: AliasIndex
): JdAnalysis {
	const { skills, unmatched } = analyzeJobDescriptionWithBasis(text, graph, aliasIndex);
	return { skills, unmatched };
}
