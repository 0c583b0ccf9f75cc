// Phrases inside one sentence that change how much a skill matters or how well it is wanted.

/** Hedges: whatever the section, a sentence with one of these asks for nice-to-have skills. */
const HEDGE =
	/\b(a plus|is a bonus|(a )?bonus|nice[ -]to[ -]have|familiar(ity)? with|exposure to|ideally|desirable|advantageous|would be (great|nice|helpful)|not required|useful but not|helpful|preferred(?!\s+(by|in|for)\b)|is an asset|a big plus|appreciated)\b/i;

/** Requirement language: in descriptive text, a sentence with one of these asks for its skills. */
const REQUIREMENT =
	/\b(required|requires?|requirements?|must|needs?|needed|essential|non-negotiable|expected|mandatory|proficien(t|cy) (in|with)|experience (with|in)|hands-on|knowledge of|understanding of|fluen(t|cy)|comfort(able)? with|critical|baseline expectation)\b/i;

export function isHedged(sentence: string): boolean {
	return HEDGE.test(sentence);
}

/** A question ("Do ML engineers need deep learning?") asks the reader, not for a skill. */
export function asksFor(sentence: string): boolean {
	return !/\?\s*\+?$/.test(sentence) && REQUIREMENT.test(sentence);
}

/** Level floors and ceilings a sentence puts on the skills it names (levels 0–4). */
export interface LevelBounds {
	floor: number;
	ceiling: number;
}

export const NO_BOUNDS: LevelBounds = { floor: 0, ceiling: 4 };

// Strongest first where two would match at the same place.
const FLOORS: [number, RegExp][] = [
	[
		4,
		/\b(expert|expert-level|deep expertise|deep proficiency|mastery( of)?|world-class|authority on)\b/gi
	],
	[
		3,
		/\b(hands-on|strong|solid|proficien(t|cy)|expertise|extensive|advanced|in-depth|deep (understanding|knowledge|experience)|fluen(t|cy)|production experience)\b/gi
	]
];

const CEILINGS: [number, RegExp][] = [
	[1, /\b(exposure to|awareness of|aware of|interest in|basics?)\b/gi],
	[2, /\b(familiar(ity)? with|some experience|understanding of|knowledge of)\b/gi]
];

interface Cue {
	at: number;
	end: number;
	bounds: LevelBounds;
}

function cuesOf(sentence: string): Cue[] {
	const cues: Cue[] = [];
	const add = (list: [number, RegExp][], kind: 'floor' | 'ceiling') => {
		for (const [level, re] of list) {
			for (const m of sentence.matchAll(re)) {
				if (cues.some((c) => c.at <= m.index && m.index < c.end)) continue;
				const bounds =
					kind === 'floor' ? { floor: level, ceiling: 4 } : { floor: 0, ceiling: level };
				cues.push({ at: m.index, end: m.index + m[0].length, bounds });
			}
		}
	};
	add(FLOORS, 'floor');
	add(CEILINGS, 'ceiling');
	// "strong understanding of": a ceiling right after a floor belongs to it.
	const kept = cues.filter(
		(c) =>
			c.bounds.floor > 0 ||
			!cues.some((f) => f.bounds.floor > 0 && f.end <= c.at && c.at - f.end <= 3)
	);
	return kept.sort((a, b) => a.at - b.at);
}

/**
 * The bounds for the skill named at `position` of the sentence: set by the nearest cue before it
 * ("Mastery of TensorFlow, and strong SQL" gives TensorFlow a floor of 4 and SQL one of 3), or,
 * when none precedes it, by the first cue after it ("Python expert").
 */
export function levelBounds(sentence: string, position = 0): LevelBounds {
	const cues = cuesOf(sentence);
	const before = cues.filter((c) => c.at < position).at(-1);
	return (before ?? cues.find((c) => c.at >= position))?.bounds ?? NO_BOUNDS;
}

// Degree subjects are not skills asked for: "Ph.D. in NLP, computer vision or a related field".
const DEGREES = /\b(bachelor|master|ph\.?\s?d|doctorate|b\.?sc?|m\.?sc?|degrees?)\b/i;

export function isAboutDegrees(sentence: string): boolean {
	return DEGREES.test(sentence);
}
