// The CV analyser: the skills a pasted CV names, a proposed starting level for each and the line
// that justifies it, for the learner to confirm or correct. Reads the text with the posting
// analyser's machinery (lines, sentences, alias matches, quotes) and CV-specific cues and
// sections. Pure: the graph and its alias index are passed in; linear in the text.
import { findAliasMatches, type AliasIndex } from '../aliases';
import { LEVEL_NAMES } from '../levels';
import type { Graph } from '../types';
import { isAboutDegrees, type Cue } from '../jd/cues';
import { MAX_JD_CHARS } from '../jd';
import { elidedMatches } from '../jd/ellipsis';
import { excerpt, isBulleted, splitLines, splitSentences, stripBullet } from '../jd/text';
import { cueLevel, SentenceCues } from './cues';
import { cvHeading, type CvSection } from './sections';

/** A CV is held to a posting's limit: two pages are well under it. */
export const MAX_CV_CHARS = MAX_JD_CHARS;

const MAX_QUOTE = 160;

export interface CvSkill {
	id: string;
	name: string;
	/** The proposed starting level, 1–4. */
	level: number;
	/** The line of the CV that justifies the level, quoted (cut with "…" when long). */
	evidence: string;
	/** Why this level, in words: "Level 3 (Independent): “deployed”." */
	reason: string;
}

interface Reading {
	level: number;
	why: string;
	cue: Cue | undefined;
}

/**
 * What one mention shows. Education and courses show at most guidance (a degree's subject
 * guidance, a course or a bare mention awareness); elsewhere the cue decides, and a name with
 * no cue — a skills list, a stack line — shows guidance.
 */
function read(section: CvSection, sentence: string, cue: Cue | undefined): Reading {
	if (section === 'education') {
		if (cue) {
			const level = Math.min(cueLevel(cue), 2);
			return { level, cue, why: `“${cue.text}”, in your education or courses` };
		}
		return isAboutDegrees(sentence)
			? { level: 2, cue, why: 'the subject of a degree' }
			: { level: 1, cue, why: 'named only in your education or courses' };
	}
	if (cue) return { level: cueLevel(cue), cue, why: `“${cue.text}”` };
	const why =
		section === 'skills'
			? 'listed among your skills; no line says how you used it'
			: 'named, with no word on how well';
	return { level: 2, cue, why };
}

interface Best extends Reading {
	sentence: string;
	start: number;
	end: number;
}

/** The quote: the phrase that named the skill and, when they fit together, its cue. */
function quote({ sentence, start, end, cue }: Best): string {
	const from = cue ? Math.min(start, cue.at) : start;
	const to = cue ? Math.max(end, cue.end) : end;
	return to - from <= MAX_QUOTE
		? excerpt(sentence, from, to, MAX_QUOTE)
		: excerpt(sentence, start, end, MAX_QUOTE);
}

/** Proposed starting levels, one per skill the CV names, in the order the CV first names them. */
export function analyzeResume(text: string, graph: Graph, aliasIndex: AliasIndex): CvSkill[] {
	const best = new Map<string, Best>();
	let section: CvSection = 'summary';
	for (const raw of splitLines(text)) {
		const line = stripBullet(raw);
		let here: CvSection = section;
		if (!isBulleted(raw)) {
			const heading = cvHeading(line, findAliasMatches(aliasIndex, line).length > 0);
			if (heading?.inline) here = heading.kind;
			else if (heading) section = here = heading.kind;
		}
		if (here === 'ignore') continue;
		for (const sentence of splitSentences(line)) {
			const matches = findAliasMatches(aliasIndex, sentence);
			const named = [...matches, ...elidedMatches(sentence, aliasIndex, matches)];
			if (named.length === 0) continue;
			const cues = new SentenceCues(sentence);
			for (const m of named) {
				if (!graph.skillById.has(m.skillId)) continue;
				const reading = read(here, sentence, cues.at(m.start, m.end));
				const known = best.get(m.skillId);
				// The strongest showing wins; at a tie a line that says how beats a bare name.
				const better =
					!known ||
					reading.level > known.level ||
					(reading.level === known.level && !known.cue && reading.cue !== undefined);
				if (better) best.set(m.skillId, { ...reading, sentence, start: m.start, end: m.end });
			}
		}
	}
	return [...best].map(([id, found]) => ({
		id,
		name: graph.skillById.get(id)!.name,
		level: found.level,
		evidence: quote(found),
		reason: `Level ${found.level} (${LEVEL_NAMES[found.level]}): ${found.why}.`
	}));
}
