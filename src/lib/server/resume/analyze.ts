// The CV analyser behind POST /api/resume/analyze and /start/cv: proposed starting levels with
// their evidence, and — when the active target came from a pasted posting — the posting's terms
// the CV never mentions. The CV text is only read here: never stored (see store.ts) or logged.
import {
	analyzeResume,
	missingTerms,
	postingTerms,
	type CvSkill,
	type PostingTerm
} from '$lib/core/resume';
import { getAliasIndex, getGraph } from '$lib/server/content';
import type { Database } from '$lib/server/db';
import {
	analyserKey,
	analysisOfTarget,
	getActiveTarget,
	TokenBuckets,
	type Caller
} from '$lib/server/targets';

/** The active target's posting, against the CV. */
export type PostingCheck =
	| { targetName: string; state: 'read'; missing: PostingTerm[] }
	/** The posting has not been read yet and the learner's analyses are spent for now. */
	| { targetName: string; state: 'waiting'; wait: number };

export interface CvReading {
	skills: CvSkill[];
	/** Null when the active target came from no posting (a role profile, or no target). */
	posting: PostingCheck | null;
}

export type CvAnalysed = { ok: true; reading: CvReading } | { ok: false; wait: number };

// The posting analyser's allowance per account (10, then 10 a minute), counted apart from it:
// reading a CV never spends the learner's job-description analyses.
const cvLimiter = new TokenBuckets();

async function checkPosting(
	db: Database,
	caller: Caller & { userId: string },
	text: string
): Promise<PostingCheck | null> {
	const target = await getActiveTarget(db, caller.userId);
	if (!target?.jdText) return null;
	const made = await analysisOfTarget(db, caller, target);
	if (made.state === 'waiting')
		return { targetName: target.name, state: 'waiting', wait: made.wait };
	if (made.state === 'none') return null;
	const terms = postingTerms(made.analysis, getAliasIndex());
	return { targetName: target.name, state: 'read', missing: missingTerms(text, terms) };
}

/** Reads a CV for a signed-in learner, from their allowance. */
export async function analyseResumeFor(
	db: Database,
	caller: Caller & { userId: string },
	text: string
): Promise<CvAnalysed> {
	const wait = cvLimiter.take(analyserKey(caller.userId, caller.address), Date.now());
	if (wait > 0) return { ok: false, wait };
	const skills = analyzeResume(text, getGraph(), getAliasIndex());
	return { ok: true, reading: { skills, posting: await checkPosting(db, caller, text) } };
}

/** The answer of POST /api/resume/analyze: `missingTerms` only when there is a posting to
 * compare with and it has been read. */
export function resumeJson({ skills, posting }: CvReading) {
	return {
		skills: skills.map(({ id, level, evidence }) => ({ id, level, evidence })),
		...(posting?.state === 'read' ? { missingTerms: posting.missing.map((t) => t.term) } : {})
	};
}
