// Seniority a job description states: years of experience or a title word. Tiers follow the
// role profiles' ladder: 0 junior (0–2 years) · 1 mid (2–5) · 2 senior (5–8) · 3 staff (8+).

export type Tier = 0 | 1 | 2 | 3;

export function tierOfYears(years: number): Tier {
	if (years < 2) return 0;
	if (years < 5) return 1;
	if (years < 8) return 2;
	return 3;
}

// Each run of spaces can be taken by one quantifier only (the "+" and the range dash sit
// between them), so a long run of spaces costs linear time, not cubic.
const YEARS =
	/\b(\d{1,2})\s*(?:\+\s*)?(?:(?:[-–—]|to)\s*\d{1,2}\s*(?:\+\s*)?)?(?:years?|yrs?)\b(?=[^.;]{1,60}\b(?:experience|working|building|in|of|with|developing|deploying)\b)/i;

/** The lower bound of the first "N+ years (of experience …)" in the sentence, if any. */
export function yearsIn(sentence: string): number | undefined {
	const m = YEARS.exec(sentence);
	return m ? Number(m[1]) : undefined;
}

const TITLES: [Tier, RegExp][] = [
	[3, /\b(staff|principal|distinguished)\b/i],
	// "AI Engineer Expert": outside the US, Expert is a grade at or above senior.
	[2, /\b(senior|sr\.?|lead|expert)\b/i],
	[0, /\b(junior|jr\.?|entry[- ]level|graduate|intern(ship)?)\b/i]
];

/** The tier a title line names ("Senior ML Engineer"), if any. */
export function tierOfTitle(line: string): Tier | undefined {
	return TITLES.find(([, re]) => re.test(line))?.[0];
}

/**
 * The tiers a role profile's typical years span: "2–5" → mid to mid (5 is where senior starts),
 * "1–5" → junior to mid, "8+" → staff.
 */
export function roleTiers(years: string): [Tier, Tier] {
	const [lo, hi] = [...years.matchAll(/\d+/g)].map((m) => Number(m[0]));
	if (lo === undefined) return [1, 1];
	return [tierOfYears(lo), hi === undefined ? tierOfYears(lo) : tierOfYears(Math.max(lo, hi - 1))];
}
