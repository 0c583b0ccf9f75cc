// Tool-like terms the graph did not recognise, so the learner can see what the analysis missed.
// Kept deliberately conservative: a term is listed only when its spelling marks it as a name
// (CamelCase like "LangSmith", an acronym like "MLIR", letters with digits like "A10G"), or when
// it is a capitalised word listed next to a recognised tool ("Spark, dbt, or Beam").

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

// Acronyms and names that are not skills: job-ad vocabulary, money, places, degrees, venues.
const STOP = words(`
	ai ml mle mles jd jds ats api apis sdk sdks ui ux it hr qa ceo cto cfo vp ok faq faqs kpi kpis
	sla slas okr okrs roi b2b b2c saas usd eur gbp lpa us u.s usa uk eu emea apac nyc sf pto rsu
	rsus 401k bls faang phd phds ph.d msc bsc mba stem q1 q2 q3 q4 neurips icml iclr acl cvpr eccv
	iccv emnlp naacl aaai kdd mlsys linkedin iso soc gpu gpus cpu cpus ram tl;dr ii iii iv nan nans
	genai llmops aiops devsecops dataops
`);

// Capitalised words that start headings and list items but never name a tool.
const COMMON = words(`
	a an the and or of for to in on with we you our your i it this that these they experience
	knowledge strong familiarity proficiency understanding engineer engineers engineering machine
	learning data science scientist scientists senior junior staff lead principal team teams
	bachelor bachelor's master master's degree custom other similar equivalent tools platforms
	frameworks libraries cloud open source research production model models mathematics statistics
	physics computer economics skills duties salary responsibilities requirements qualifications
	preferred nice must have
`);

export interface TermSpan {
	start: number;
	end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}+#]*(?:[.\-/][\p{L}\p{N}+#]+)*/gu;
const UNIT = /^(\d+(\.\d+)?(ms|s|k|m|b|bn|gb|tb|mb|x|th|st|nd|rd|h|d|yrs?)|p\d{2,3})$/i;
const DOMAIN = /\.(com|org|net|edu|gov|co|io)$/i;
// Words glued together by a web page's lost line breaks: "engineeringMLOps", "tuningModel".
const GLUED = /(^|[-/])\p{Ll}{5,}\p{Lu}/u;

function nameLike(word: string): boolean {
	if (DOMAIN.test(word) || GLUED.test(word)) return false;
	return word.split(/[-/.]/).some((part) => {
		if (part.length < 2 || STOP.has(part.toLowerCase()) || UNIT.test(part)) return false;
		const letters = /\p{L}/u.test(part);
		const innerCapital = /\p{Lu}/u.test(part.slice(1));
		const acronymOfTwo = part.length === 2 && part === part.toUpperCase();
		const digits = letters && /\p{N}/u.test(part) && part.length <= 12;
		return (innerCapital && !acronymOfTwo) || digits;
	});
}

const capitalised = (word: string) => /^\p{Lu}\p{Ll}/u.test(word);

/**
 * Candidate terms of one sentence, each a run of up to three capitalised words ("Ray Serve")
 * that overlaps no recognised alias (`known`: the alias matches in the sentence).
 */
export function unknownTerms(sentence: string, known: readonly TermSpan[]): string[] {
	const tokens = [...sentence.matchAll(WORD)].map((m) => ({
		text: m[0],
		start: m.index,
		end: m.index + m[0].length
	}));
	const overlapsKnown = (start: number, end: number) =>
		known.some((k) => k.start < end && start < k.end);
	// A plain capitalised word counts only beside a recognised tool, separated by a list comma.
	const listedBesideKnown = (start: number, end: number) =>
		known.some(
			(k) =>
				(k.end <= start && /^\s*(,|\/|,?\s*(or|and))\s*$/.test(sentence.slice(k.end, start))) ||
				(end <= k.start && /^\s*(,|\/|,?\s*(or|and))\s*$/.test(sentence.slice(end, k.start)))
		);
	const skip = (t: { text: string; start: number; end: number }) =>
		STOP.has(t.text.toLowerCase()) ||
		COMMON.has(t.text.toLowerCase()) ||
		overlapsKnown(t.start, t.end);

	const terms: string[] = [];
	let i = 0;
	while (i < tokens.length) {
		const t = tokens[i]!;
		const accepted =
			!skip(t) &&
			(nameLike(t.text) || (i > 0 && capitalised(t.text) && listedBesideKnown(t.start, t.end)));
		if (!accepted) {
			i += 1;
			continue;
		}
		// Extend over following capitalised words joined by a single space ("Argo CD").
		let j = i;
		while (
			j + 1 < tokens.length &&
			j - i < 2 &&
			/^\p{Lu}/u.test(tokens[j + 1]!.text) &&
			sentence.slice(tokens[j]!.end, tokens[j + 1]!.start) === ' ' &&
			!skip(tokens[j + 1]!)
		) {
			j += 1;
		}
		terms.push(sentence.slice(t.start, tokens[j]!.end));
		i = j + 1;
	}
	return terms;
}
