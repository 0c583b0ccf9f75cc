// A target's job-description analysis is made once and kept with it, so viewing or editing the
// target never runs the analyser. Targets saved before analyses were kept, or created through
// POST /api/targets with a jdText, get theirs on first view — from the learner's allowance.
//
// A kept analysis made by an older analyser (JD_ANALYSER_VERSION) is read again on view rather
// than offered for re-reading: a reading costs milliseconds (linear in the text) and one unit of
// the allowance, once per target and analyser version, and it is safe, because it replaces only
// what the analysis adds to the page — quotes, level reasons, unmatched terms — never the skills
// and levels the learner saved, which the gap and the plan rest on. What the new reading finds
// that the old one did not is shown beside them, for the learner to add if they want it.
import {
	analysisVersion,
	isStaleAnalysis,
	JD_ANALYSER_VERSION,
	type JdAnalysis,
	type JdSkill
} from '$lib/core/jd';
import type { Database } from '$lib/server/db';
import { reuseFor, storedAnalysis, type Caller } from './analyze';
import { storeTargetAnalysis, type TargetRow } from './store';

export type TargetAnalysis =
	| { state: 'none' }
	| {
			state: 'kept';
			analysis: JdAnalysis;
			/** The analyser version that made it. */
			version: number;
			/** Made by an older analyser, and the allowance is spent: read again on a later view. */
			staleFor?: number;
			/** Read again just now: the skills this reading found that the older one did not. */
			newSkills?: JdSkill[];
	  }
	/** Not made yet and the allowance is spent: the target shows without quotes this time. */
	| { state: 'waiting'; wait: number };

export async function analysisOfTarget(
	db: Database,
	caller: Caller & { userId: string },
	row: TargetRow
): Promise<TargetAnalysis> {
	if (!row.jdText) return { state: 'none' };
	const kept = row.jdAnalysis;
	const version = analysisVersion(row.jdAnalysisVersion);
	if (kept && !isStaleAnalysis(row.jdAnalysisVersion)) {
		return { state: 'kept', analysis: kept, version };
	}
	const made = reuseFor(caller, row.jdText);
	if (!made.ok) {
		return kept
			? { state: 'kept', analysis: kept, version, staleFor: made.wait }
			: { state: 'waiting', wait: made.wait };
	}
	const analysis = storedAnalysis(made.analysis);
	await storeTargetAnalysis(db, caller.userId, row.id, analysis);
	const fresh = JD_ANALYSER_VERSION;
	if (!kept) return { state: 'kept', analysis, version: fresh };
	const before = new Set(kept.skills.map((s) => s.id));
	const newSkills = analysis.skills.filter((s) => !before.has(s.id));
	return { state: 'kept', analysis, version: fresh, newSkills };
}
