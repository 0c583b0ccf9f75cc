// What a CV line says about how well its author knows what it names: "led", "taught" (leads
// and teaches), "built", "deployed", "in production" (independent), "used", "contributed"
// (with guidance), a course or tutorial (aware), and "N years of". The posting's depth cues
// ("expert in", "familiar with", "exposure to" — jd/cues.ts) read the same way in a CV.
import { cueAt, sentenceCues, type Cue } from '../jd/cues';

// One pattern, one group per level, strongest first: at any position the first alternative
// that matches wins and matching moves left to right once (linear in the sentence). Verbs are
// the forms a CV uses (past, present, -ing), not bare nouns: "design" is also a skill's name.
const ACTION =
	/\b(?:(led|leads|leading|lead (?:a|the|an|our)|mentor(?:ed|ing|s)?|taught|teach(?:es|ing)?|coached|lectur(?:ed|es|ing)|architected|headed|trained (?:engineers|developers|colleagues|students|staff|the team|a team)|ran (?:workshops|trainings?|courses?)|gave (?:talks?|workshops?)|instructor)|(built|builds|building|deploy(?:ed|s|ing)?|(?:in|to|into) production|production[- ](?:grade|ready)|shipp(?:ed|ing)|ships|launch(?:ed|ing)|designed|designing|implement(?:ed|ing|s)|develop(?:ed|ing|s)|created|creating|owned|owning|maintain(?:ed|ing|s)|optimi[sz](?:ed|ing)|migrat(?:ed|ing)|automat(?:ed|ing)|scaled|scaling|wrote|written|engineered|productioni[sz]ed|trained|fine-tuned|authored|set up|introduced|integrated|rolled out)|(used|using|uses|worked (?:with|on)|contribut(?:ed|ing)|assist(?:ed|ing)|helped|supported|participated|certified|certificate|certification)|(courses?|coursework|mooc|coursera|udemy|edx|tutorials?|bootcamp|studied|studying|currently learning|introduction to|intro to))\b/gi;

// "5 years", "1.5 yrs", "3+ years", "six months": one space at most, so no run is ever rescanned.
const SPAN =
	/\b(?:(\d{1,2}(?:\.\d)?)|(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\+? ?(?:(years?|yrs?)|months?)\b/gi;

const NUMBER_WORDS = [
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve'
];

/** A cue with its place among the sentence's cues; `weak` for "using", "worked with" … */
export interface CvCue extends Cue {
	index: number;
	weak: boolean;
}

type Found = Omit<CvCue, 'index'>;

const exactly = (level: number) => ({ floor: level, ceiling: level });

/** The level a span of use shows: under two years with guidance, then independent, from five
 * years leading. */
export function levelOfYears(years: number): number {
	if (years < 2) return 2;
	return years < 5 ? 3 : 4;
}

function actionCues(sentence: string): Found[] {
	const cues: Found[] = [];
	// exec on the one pattern object: matchAll would clone the long pattern per call.
	ACTION.lastIndex = 0;
	for (let m = ACTION.exec(sentence); m !== null; m = ACTION.exec(sentence)) {
		const level = m[1] ? 4 : m[2] ? 3 : m[3] ? 2 : 1;
		const bounds = exactly(level);
		cues.push({ at: m.index, end: m.index + m[0].length, text: m[0], bounds, weak: level === 2 });
	}
	return cues;
}

function spanCues(sentence: string): Found[] {
	const cues: Found[] = [];
	SPAN.lastIndex = 0;
	for (let m = SPAN.exec(sentence); m !== null; m = SPAN.exec(sentence)) {
		const count = m[1] ? Number(m[1]) : NUMBER_WORDS.indexOf(m[2]!.toLowerCase()) + 1;
		const bounds = exactly(levelOfYears(m[3] ? count : count / 12));
		cues.push({ at: m.index, end: m.index + m[0].length, text: m[0], bounds, weak: false });
	}
	return cues;
}

/** The level one cue gives: a posting's floor ("expert" 4, "strong" 3) else its ceiling
 * ("familiar with" 2, "exposure to" 1); a CV cue's floor and ceiling are the same. */
export function cueLevel(cue: Cue): number {
	return cue.bounds.floor > 0 ? cue.bounds.floor : cue.bounds.ceiling;
}

// "Python (5 years)", "Docker — expert", "SQL: basics": a cue right after the name is its own.
const ATTACHED = /^ ?[([:—–-] ?$/;
const MAX_ATTACHED_GAP = 3;

// "Python (expert), SQL": a cue in brackets or after a dash (— –) belongs to the name before it.
const OWNED = /[([—–] ?$/;

/** Reads the level cues of one CV sentence once; `at` gives the cue for each skill named. */
export class SentenceCues {
	private readonly cues: CvCue[];
	/** For each cue, the nearest cue up to it that is not owned by a name. */
	private readonly freeUpTo: (CvCue | undefined)[] = [];
	/** For each cue, the first cue from it on that is not owned by a name. */
	private readonly freeFrom: (CvCue | undefined)[] = [];
	/** For each cue, the strongest free cue up to it: "using" inherits "built" before it. */
	private readonly strongest: (CvCue | undefined)[] = [];

	constructor(private readonly sentence: string) {
		const depth = sentenceCues(sentence).map((c) => ({ ...c, weak: false }));
		this.cues = [...depth, ...actionCues(sentence), ...spanCues(sentence)]
			.sort((a, b) => a.at - b.at)
			.map((c, index) => ({ ...c, index }));
		let free: CvCue | undefined;
		let strongest: CvCue | undefined;
		for (const cue of this.cues) {
			if (!OWNED.test(sentence.slice(Math.max(0, cue.at - 2), cue.at))) {
				free = cue;
				if (!strongest || cueLevel(cue) > cueLevel(strongest)) strongest = cue;
			}
			this.freeUpTo.push(free);
			this.strongest.push(strongest);
		}
		let next: CvCue | undefined;
		for (let i = this.cues.length - 1; i >= 0; i--) {
			if (this.freeUpTo[i] === this.cues[i]) next = this.cues[i];
			this.freeFrom[i] = next;
		}
	}

	/**
	 * The cue for the skill named at [start, end): one attached right after it, else the nearest
	 * before it ("Built X with Y": "built"; "Built an API using FastAPI": "using" says how, the
	 * "built" before it how well), else the first after it ("PyTorch models deployed …").
	 */
	at(start: number, end: number): CvCue | undefined {
		const next = cueAt(this.cues, end + MAX_ATTACHED_GAP + 1) as CvCue | undefined;
		if (next && next.at >= end && ATTACHED.test(this.sentence.slice(end, next.at))) return next;
		const near = cueAt(this.cues, start) as CvCue | undefined;
		if (!near) return undefined;
		if (near.at >= start) return this.freeFrom[near.index];
		const cue = this.freeUpTo[near.index];
		return cue?.weak ? this.strongest[near.index] : cue;
	}
}
