// Phrases inside one sentence that change how much a skill matters or how well it is wanted.
// Importance and depth are separate: "familiarity with Docker" in a requirements list still
// requires Docker, at a shallow level; only "a plus", "preferred", "bonus" … make it optional.

/** Hedges: whatever the section, a sentence with one of these asks for nice-to-have skills. */
const HEDGE =
	/\b(?:a plus|pluses|(?:a |is a )?bonus|nice[ -]to[ -]have|ideally|desirable|advantageous|would be (?:great|nice|helpful)|not required|useful but not|helpful|preferred(?!\s(?:by|in|for)\b)|is an asset|a big plus|appreciated|even better|stand out|optional|(?:is |are |would be |be )(?:highly )?beneficial|an (?:added )?advantage|added advantage|(?:is |are |also )welcome|extra (?:credit|points)|brownie points|(?:good|great) to have|counts? in your favou?r|would help)\b/i;

/**
 * Requirement language: in descriptive text, a sentence with one of these asks for its skills.
 * Sentences addressed to the candidate ("You will …", "You have …") state the job too.
 */
const REQUIREMENT =
	/\b(?:required|requires?|requirements?|must|needs?|needed|essential|non-negotiable|expected|mandatory|proficien(?:t|cy) (?:in|with)|experience (?:with|in)|hands-on|knowledge of|understanding of|fluen(?:t|tly|cy)|comfort(?:able)? with|(?:we )?(?:mostly |usually )?hire people who|people who (?:have|can|know)|critical|baseline expectation|responsible for|you(?:'|’)(?:ll|ve|re)|you (?:will|have|bring|know|understand|write|build|design|own|lead|are|can)|your (?:role|work|job|day))\b/i;

// "(AWS preferred)", ", EKS preferred": which option the team prefers, inside a requirement.
const PREFERRED_OPTION =
	/\([^()]{1,40}\bpreferred\)|,\s*[\w.+#-]+(?:\s+or\s+[\w.+#-]+)?\s+preferred\b/gi;

export function isHedged(sentence: string): boolean {
	return HEDGE.test(sentence.replace(PREFERRED_OPTION, ''));
}

/** A question ends with "?" (a web page's "+" toggle may follow it). */
export const isQuestion = (sentence: string) => /\?\s?\+?$/.test(sentence.trimEnd());

/** A question ("Do ML engineers need deep learning?") asks the reader, not for a skill. */
export function asksFor(sentence: string): boolean {
	return !isQuestion(sentence) && REQUIREMENT.test(sentence);
}

/** Level floors and ceilings a sentence puts on the skills it names (levels 0–4). */
export interface LevelBounds {
	floor: number;
	ceiling: number;
}

export const NO_BOUNDS: LevelBounds = { floor: 0, ceiling: 4 };

/** One level cue of a sentence: where it is, what it says, the bounds it sets. */
export interface Cue {
	at: number;
	end: number;
	text: string;
	bounds: LevelBounds;
}

// One pattern, one alternative per kind, strongest first: at any position the first that
// matches wins, and matching moves left to right once (linear in the sentence).
const CUES =
	/\b(?:(expert(?![ -](?:parallelism|routing|systems?|layers?|networks?|models?|lawyers?|annotators?|reviewers?|labell?ers?|raters?|humans?|clinicians?|physicians?|radiologists?|judges?|panels?)\b)|expert-level|deep expertise|deep proficiency|mastery(?: of)?|world-class|authority on)|(working (?:knowledge|proficiency|familiarity|experience)|familiar(?:ity)? with|some experience|understanding of|knowledge of)|(strong|solid|proficien(?:t|cy)|fluen(?:t|tly|cy)|production experience)|(hands-on|expertise|extensive|advanced|in-depth|(?:deep|profound|thorough) (?:understanding|knowledge|experience)|proven (?:experience|track record))|(exposure to|awareness of|aware of|interest in|(?<!the )basics?))\b/gi;

// "Strong Python" asks for independent work (3), not leading (4), even in a senior posting;
// "extensive" or "deep" experience may be either; "working knowledge" is at most 2.
const BOUNDS: LevelBounds[] = [
	{ floor: 4, ceiling: 4 },
	{ floor: 0, ceiling: 2 },
	{ floor: 3, ceiling: 3 },
	{ floor: 3, ceiling: 4 },
	{ floor: 0, ceiling: 1 }
];

/** The level cues of a sentence, left to right. */
export function sentenceCues(sentence: string): Cue[] {
	const cues: Cue[] = [];
	// exec on the one pattern object: matchAll would clone (and re-hash) the long pattern per call.
	CUES.lastIndex = 0;
	for (let m = CUES.exec(sentence); m !== null; m = CUES.exec(sentence)) {
		const kind = m[1] ? 0 : m[2] ? 1 : m[3] ? 2 : m[4] ? 3 : 4;
		const cue = { at: m.index, end: m.index + m[0].length, text: m[0], bounds: BOUNDS[kind]! };
		// "strong understanding of": a ceiling right after a floor belongs to it.
		const previous = cues.at(-1);
		const ofFloor = previous && previous.bounds.floor > 0 && cue.at - previous.end <= 3;
		if (cue.bounds.floor === 0 && ofFloor) continue;
		cues.push(cue);
	}
	return cues;
}

/**
 * The cue for the skill named at `position`: the nearest cue before it ("Mastery of
 * TensorFlow, and strong SQL" gives TensorFlow a floor of 4 and SQL one of 3), or, when none
 * precedes it, the first cue after it ("Python expert"). Binary search: cues are sorted.
 */
export function cueAt(cues: readonly Cue[], position: number): Cue | undefined {
	let lo = 0;
	let hi = cues.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cues[mid]!.at < position) lo = mid + 1;
		else hi = mid;
	}
	return lo > 0 ? cues[lo - 1] : cues[0];
}

/** The bounds for the skill named at `position` of the sentence. */
export function levelBounds(sentence: string, position = 0): LevelBounds {
	return cueAt(sentenceCues(sentence), position)?.bounds ?? NO_BOUNDS;
}

// Degree subjects are not skills asked for: "Ph.D. in NLP, computer vision or a related field".
// "MS" after a number is milliseconds: "a p99 budget of 80 ms".
const DEGREES =
	/\b(?:bachelor|master|ph\.?\s?d|doctorate|degrees?)\b|(?<!\d\s?)\b(?:b\.?sc?|m\.?sc?)\b/i;

export function isAboutDegrees(sentence: string): boolean {
	return DEGREES.test(sentence);
}
