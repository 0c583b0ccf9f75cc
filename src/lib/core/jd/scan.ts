// One pass over a pasted job description: every skill mention with the section it sits in, how
// its sentence asks for it and the level cue that governs it, plus the terms no alias matched.
// Linear in the text: each line and sentence is read a fixed number of times.
import { findAliasMatches, type AliasIndex } from '../aliases';
import {
	asksFor,
	cueAt,
	isAboutDegrees,
	isHedged,
	isQuestion,
	sentenceCues,
	type Cue
} from './cues';
import { elidedMatches } from './ellipsis';
import { classifyHeading, type SectionKind } from './sections';
import { yearsIn } from './seniority';
import { isBulleted, splitLines, splitSentences, stripBullet } from './text';
import { jobTitle, type JobTitle } from './title';
import { unknownTerms } from './unmatched';

/**
 * How a sentence asks for the skills it names. must: a requirement or a responsibility (or the
 * title) · nice: a nice-to-have list or a hedge ("is a plus") · prose: descriptive text that
 * states no requirement · question: a FAQ's question, which asks the reader, not for a skill.
 */
export type Ask = 'must' | 'nice' | 'prose' | 'question';

export interface Mention {
	skillId: string;
	/** The sentence it is in and where the matched phrase sits (quoted only if it is evidence). */
	text: string;
	start: number;
	end: number;
	section: SectionKind;
	ask: Ask;
	/** The level cue ("expert in", "familiarity with") that governs this mention, if any. */
	cue: Cue | undefined;
	/** Which sentence of the text it is in, to count how often a skill is asked for. */
	sentenceNo: number;
	order: number;
}

export interface Scan {
	mentions: Mention[];
	unmatched: string[];
	years: number | null;
	title: JobTitle | null;
	/** Whether the text has a requirements section of its own. */
	hasAskSection: boolean;
}

function askOf(section: SectionKind, sentence: string): Ask {
	if (section === 'nice' || isHedged(sentence)) return 'nice';
	if (section === 'must' || section === 'duties') return 'must';
	if (isQuestion(sentence)) return 'question';
	return asksFor(sentence) ? 'must' : 'prose';
}

export function scan(text: string, aliasIndex: AliasIndex): Scan {
	const mentions: Mention[] = [];
	const unmatched: string[] = [];
	let section: SectionKind = 'narrative';
	let hasAskSection = false;
	let years: number | null = null;
	let sentenceNo = 0;
	const lines = splitLines(text);
	const title = jobTitle(lines);
	for (const [i, raw] of lines.entries()) {
		const line = stripBullet(raw);
		if (!isBulleted(raw) && i !== title?.line) {
			const heading = classifyHeading(line, findAliasMatches(aliasIndex, line).length > 0);
			if (heading) section = heading;
			// Only a requirements list counts: a posting that lists duties but no requirements asks
			// for what its prose names too ("deep in GPU performance … as fluently as Python").
			if (heading === 'must') hasAskSection = true;
		}
		if (section === 'ignore') continue;
		for (const sentence of splitSentences(line)) {
			sentenceNo += 1;
			years ??= yearsIn(sentence) ?? null;
			if (isAboutDegrees(sentence)) continue;
			const matches = findAliasMatches(aliasIndex, sentence);
			const named = [...matches, ...elidedMatches(sentence, aliasIndex, matches)];
			// The title says what the job is about: what it names is asked for.
			const ask = i === title?.line ? 'must' : askOf(section, sentence);
			const cues = named.length > 0 ? sentenceCues(sentence) : [];
			for (const m of named) {
				mentions.push({
					skillId: m.skillId,
					text: sentence,
					start: m.start,
					end: m.end,
					section,
					ask,
					cue: cueAt(cues, m.start),
					sentenceNo,
					order: mentions.length
				});
			}
			unmatched.push(...unknownTerms(sentence, matches));
		}
	}
	return { mentions, unmatched, years, title, hasAskSection };
}
