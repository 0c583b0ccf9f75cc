// The sections of a CV, read from its own headings ("Experience", "Projects", "Education",
// "Skills" …), with the posting's heading rules (jd/sections.ts): the section says how much a
// mention can show — a project line can show independence, a course only awareness.
import { readHeading } from '../jd/sections';

/**
 * work: jobs, projects, research, teaching · education: degrees, courses, certificates ·
 * skills: a list of tools and languages · summary: the profile at the top · ignore: hobbies,
 * references, contact details — text that says nothing about skills.
 */
export type CvSection = 'work' | 'education' | 'skills' | 'summary' | 'ignore';

// Checked in order: the first family that matches names the section ("Skills & experience" is
// a list of skills; "Research experience" is work).
const HEADINGS: [CvSection, RegExp][] = [
	[
		'ignore',
		/\b(?:interests|hobbies|references|referees|personal (?:details|information)|contact|languages spoken|spoken languages)\b/
	],
	[
		'education',
		/\b(?:education|courses|coursework|certifications?|certificates?|trainings?|moocs?|academic background|degrees?)\b/
	],
	[
		'skills',
		/\b(?:skills|skill set|technologies|(?:tech(?:nical)? )?stack|tools|toolbox|languages|frameworks|competenc(?:e|ies)|expertise|proficienc(?:y|ies))\b/
	],
	['summary', /\b(?:summary|profile|about(?: me)?|objective|highlights)\b/],
	[
		'work',
		/\b(?:experience|employment|work history|career|projects?|open[ -]source|publications?|research|volunteer(?:ing)?|leadership|teaching|talks|achievements|accomplishments|positions?|internships?)\b/
	]
];

const kindOf = (candidate: string) =>
	HEADINGS.find(([, pattern]) => pattern.test(candidate))?.[0] ?? null;

/**
 * The section a CV line opens (`inline` when it only labels the rest of its own line, as
 * "Stack: Python, Docker" under a job does), or null for ordinary content.
 */
export function cvHeading(line: string, hasSkill: boolean) {
	return readHeading(line, hasSkill, kindOf);
}
