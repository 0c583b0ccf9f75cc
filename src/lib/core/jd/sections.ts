import { isQuestion } from './cues';
import { trimEndWhile } from './text';

// Reading a job description's own structure: which section each line belongs to, decided by
// the headings the text uses ("Requirements", "Nice to have", "Responsibilities", "Benefits" …).

/**
 * must: requirement lists · nice: nice-to-have/preferred lists · duties: what the job does ·
 * narrative: descriptive text (overview, FAQ, tools) · ignore: salary, benefits, education,
 * certifications, hiring and résumé advice, cover letters — text that asks nothing of the learner.
 */
export type SectionKind = 'must' | 'nice' | 'duties' | 'narrative' | 'ignore';

// Checked in order: the first family that matches names the section.
const HEADINGS: [SectionKind, RegExp][] = [
	['narrative', /\b(?:faqs?|frequently asked|soft skills)\b/],
	[
		'nice',
		/\b(?:nice[ -]to[ -]haves?|preferred|bonus(?:es)?|pluses|desirable|desired|good[ -]to[ -]haves?|extra credit|plus points|would be (?:a )?(?:plus|great|nice)|even better|stand out|optional|not required|helpful|would help|extra points|brownie points|ideally|great if|great to have|added advantage|an advantage|(?:might|may|could) also have|also (?:great|nice|helpful))\b/
	],
	// "About Pennant": a company's blurb, which asks nothing ("About the role", "About you" do).
	['ignore', /^about (?!(?:the|this|our|your|you)\b)[\p{L}\p{N}&.' -]{1,40}$/u],
	[
		'ignore',
		/\b(?:salar(?:y|ies)|compensation|benefits|perks|(?:base )?pay|what we offer|we offer|education|degrees?|certifications?|cover letter|r[eé]sum[eé]s?|red flags|interview|sourc(?:e|ing)|citations?|references|about (?:us|the company)|who we are|our (?:company|mission|values|culture)|equal (?:employment )?opportunity|how to apply|work environment|schedule|career (?:outlook|growth|paths?)|related guides|hir(?:e|ing)|tailor|mistakes|national average|recruit(?:ers?|ing))\b/
	],
	[
		'must',
		/\b(?:requirements?|required|must[ -]haves?|qualifications|what you(?:'|’)?ll (?:need|bring)|what you need|what you bring|what we(?:'|’)?re looking for|(?:we are|we(?:'|’)?re) looking for|you (?:have|bring|should have|must have|need)|you(?:'|’)?ll need|you will need|(?:we )?expects? you to (?:have|bring|know)|what we expect|who you are|about you|ideal candidate|you(?:'|’)?ll thrive|you (?:might|may|could) be a (?:good |great )?fit|skills)\b/
	],
	[
		'duties',
		/\b(?:responsibilit(?:y|ies)|duties|(?:about )?the (?:role|job|position|opportunity)|(?:role|position|job) (?:overview|summary)|what you(?:'|’)?ll (?:do|work on|build|own|be doing)|what you will (?:do|work on|build|own)|(?:you(?:'|’)?ll|you will|you can|you could|we are|we(?:'|’)?re)(?: currently)? (?:be )?work(?:ing)? on|you can be (?:a )?part of|day[ -]to[ -]day|your (?:role|impact|mission)|in this role|the work)\b/
	],
	[
		'narrative',
		/\b(?:overview|about|what does|takeaways|tools|technologies|tech stack|summary|at a glance|job description|description|sample|guide|what to look for|keywords|introduction)\b/
	]
];

const MAX_HEADING_WORDS = 9;
// A line ending in a colon announces the list below it, and may say more in doing so: "Some
// directions we are currently working on, and which you can be a part of:".
const MAX_LEAD_IN_WORDS = 16;
// A label before " — " or ":" on a longer line: "Must Have — Focus 80% of your tailoring here".
const MAX_LABEL_WORDS = 5;

const words = (s: string) => s.split(' ').filter(Boolean).length;

/** A heading found on a line; `inline` when it labels content on the same line. */
export interface Heading<K> {
	kind: K;
	inline: boolean;
}

/**
 * The heading a line opens, or null when the line is ordinary content — for any kind of
 * document: `kindOf` names the section a candidate heading (lower-cased, end punctuation
 * trimmed) belongs to. A heading is short (or starts with a short label before " — " or ":"),
 * does not end like a sentence, and names a known family. `hasSkill` tells whether the line
 * names a skill: "Strong Python skills" is content, but "LLM-specific skills increasingly
 * expected:" is a heading because it ends with a colon.
 */
export function readHeading<K>(
	line: string,
	hasSkill: boolean,
	kindOf: (candidate: string) => K | null
): Heading<K> | null {
	const trimmed = line
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^[+#]+ ?/, '');
	const label = trimmed.split(/ [—–-] |:/)[0]!.trim();
	const labelled = label !== trimmed;
	const lowered = (candidate: string) =>
		kindOf(trimEndWhile(candidate, (c) => ' +?!:'.includes(c)).toLowerCase());
	// "Requirements: Python and Docker." — the label names the section, the rest is its content.
	if (labelled && words(label) <= MAX_LABEL_WORDS) {
		const kind = lowered(label);
		const rest = trimmed.slice(label.length);
		if (kind !== null) return { kind, inline: /[\p{L}\p{N}]/u.test(rest) };
	}
	const most = trimmed.endsWith(':') ? MAX_LEAD_IN_WORDS : MAX_HEADING_WORDS;
	if (words(trimmed) > most || /[.;,]$/.test(trimmed)) return null;
	if (hasSkill && !labelled) return null;
	const kind = lowered(trimmed);
	return kind === null ? null : { kind, inline: false };
}

/** The section a line of a job description opens, or null when the line is ordinary content. */
export function classifyHeading(line: string, hasSkill: boolean): SectionKind | null {
	// A question opens a section only when it is the page's own "What does … do?" kind.
	const question = isQuestion(line.replace(/\s+/g, ' ').trim());
	const kindOf = (lower: string) => {
		const kind = HEADINGS.find(([, pattern]) => pattern.test(lower))?.[0] ?? null;
		return question && kind !== 'narrative' ? null : kind;
	};
	return readHeading(line, hasSkill, kindOf)?.kind ?? null;
}
