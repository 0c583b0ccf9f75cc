// Which reading of a posting an analysis is. Raise it whenever a change makes the analyser read
// the same text differently (other skills, importance, levels, quotes or unmatched terms), so a
// kept analysis made by an older analyser is known to be stale and can be read again.
//   1 — analyses kept before versions were (stored without one).
//   2 — the 2026 reading (issue 13): responsibilities are requirements, the job's focus sets
//       levels, every unplaced term is listed, the title picks the closest role profile.
//   3 — lead-in headings ("We expect you to have:", "… which you can be a part of:"),
//       "beneficial" and "an advantage" as hedges, a "profound"/"thorough" understanding as
//       deep, phrases headed by computing/tracking/augmentation/annotation and hyphenated
//       names like "U-Net" listed as unmatched, a posting that states no seniority asks at
//       most mid-level of a senior or staff profile's skills, "Expert" in a title is senior.
//   4 — a name is not read across marks that end a phrase ("Full-time · Series B"); only a
//       requirements list makes the prose descriptive (a duties-only posting asks for what its
//       prose names); a requirement asks at least level 2 and a nice-to-have at most 2 (1
//       below senior) unless the text names a depth, and a named depth decides over plain
//       mentions; "strong"/"solid" mean 3 (but do not cap the job's focus), "working
//       knowledge" at most 2; "About <Company>" blurbs ask nothing, "About the role" asks like
//       duties; more nice-to-have headings and hedges ("Desired qualifications", "Not required,
//       but helpful", "is welcome", "an added advantage"), but "(AWS preferred)" inside a
//       requirement is no hedge; "3D" is not a unit; a specialist role profile fits only a
//       posting that asks for its specialty; "You might also have:" is nice; "80 ms" is no
//       degree; "the basics" is no depth; " @ " ends a title; and aliases from reading 24 new
//       2025–26 postings.

export const JD_ANALYSER_VERSION = 4;

/** The version a kept analysis was made with: one stored without a version is version 1. */
export const analysisVersion = (stored: number | null): number => stored ?? 1;

/** True when the analyser has changed since the kept analysis was made. */
export const isStaleAnalysis = (stored: number | null): boolean =>
	analysisVersion(stored) < JD_ANALYSER_VERSION;
