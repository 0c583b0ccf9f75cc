// The job title a posting announces: its first short line that names a kind of job ("Senior
// Software Engineer, GPU Inference"), a "Job title:" label, or "We're hiring a … Engineer".
import { classifyHeading } from './sections';
import { trimEndWhile } from './text';

const TITLE_WORD =
	/\b(?:engineer|scientist|developer|researcher|architect|lead|manager|analyst|specialist|consultant|programmer|mle|swe)s?\b/i;
const LABEL = /^(?:job title|title|role|position|job)(?:: ?| ?[—–] ?| - )(?=\S)/i;
const ABOUT_THE_JOB =
	/^(?:what|how|why|who|where|when|which|is|are|do|does|can|should|looking|hiring|need|become|becoming)\b/i;
const MAX_TITLE_CHARS = 80;
const MAX_TITLE_WORDS = 10;
const TITLE_LINES = 15;
const HIRING_LINES = 30;

/** The line without what pages put around a title: "Job description", company, location. */
function cleanTitle(line: string): string {
	let title = line.replace(LABEL, '');
	// "← ML Engineer", "# ML Engineer": the title starts at its first letter or digit.
	const first = title.search(/[\p{L}\p{N}]/u);
	title = first === -1 ? '' : title.slice(first);
	// "ML Engineer Job Description Guide", "… — Sample Job Descriptions".
	const jd = title.toLowerCase().search(/\b(?:sample )?job descriptions?\b/);
	if (jd > 0) title = title.slice(0, jd);
	// "Staff ML Engineer · Acme · Remote", "ML Engineer | London", "Founding MLE @ Tessellate".
	for (const separator of [' · ', ' | ', ' • ', ' @ ']) {
		const at = title.indexOf(separator);
		if (at > 0) title = title.slice(0, at);
	}
	return trimEndWhile(title, (c) => ' —–-:,'.includes(c));
}

function asTitle(line: string): string | null {
	if (line.length > MAX_TITLE_CHARS * 2) return null;
	const title = cleanTitle(line);
	if (title.length < 3 || title.length > MAX_TITLE_CHARS) return null;
	if (title.split(' ').length > MAX_TITLE_WORDS || /[.?!]$/.test(title)) return null;
	if (!TITLE_WORD.test(title)) return null;
	// "What to look for in a great ML Engineer" is a heading about the job, not its title.
	if (ABOUT_THE_JOB.test(title)) return null;
	return classifyHeading(title, false) === null ? title : null;
}

const ARTICLES = new Set(['a', 'an', 'our', 'the', 'new']);

/** "We're hiring a Senior ML Engineer to …" → "Senior ML Engineer". */
function hiredTitle(line: string): string | null {
	const lower = line.toLowerCase();
	const at = lower.search(/\b(?:hiring|looking for|seeking|searching for|recruiting)\b/);
	if (at === -1) return null;
	const words = line.slice(at).split(' ').slice(1, 12);
	const verbEnd = words[0]?.toLowerCase() === 'for' ? 1 : 0;
	const rest = words.slice(verbEnd);
	while (rest.length > 0 && ARTICLES.has(rest[0]!.toLowerCase())) rest.shift();
	const last = rest.findIndex((w) => TITLE_WORD.test(w));
	if (last === -1) return null;
	const title = trimEndWhile(rest.slice(0, last + 1).join(' '), (c) => !/[\p{L}\p{N})]/u.test(c));
	return title.length >= 3 && title.length <= MAX_TITLE_CHARS ? title : null;
}

export interface JobTitle {
	text: string;
	/** The index of the line it was read from. */
	line: number;
}

/** The job title of a posting (from its normalised lines), or null when it states none. */
export function jobTitle(lines: readonly string[]): JobTitle | null {
	for (const [line, raw] of lines.slice(0, TITLE_LINES).entries()) {
		const text = asTitle(raw);
		if (text) return { text, line };
	}
	for (const [line, raw] of lines.slice(0, HIRING_LINES).entries()) {
		const text = hiredTitle(raw);
		if (text) return { text, line };
	}
	return null;
}
