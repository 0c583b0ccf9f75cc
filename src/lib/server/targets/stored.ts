// A target's job-description analysis is made once and kept with it, so viewing or editing the
// target never runs the analyser. Targets saved before analyses were kept, or created through
// POST /api/targets with a jdText, get theirs on first view — from the learner's allowance.
import type { JdAnalysis } from '$lib/core/jd';
import type { Database } from '$lib/server/db';
import { reuseFor, storedAnalysis, type Caller } from './analyze';
import { storeTargetAnalysis, type TargetRow } from './store';

export type TargetAnalysis =
	| { state: 'none' }
	| { state: 'kept'; analysis: JdAnalysis }
	/** Not made yet and the allowance is spent: the target shows without quotes this time. */
	| { state: 'waiting'; wait: number };

export async function analysisOfTarget(
	db: Database,
	caller: Caller & { userId: string },
	row: TargetRow
): Promise<TargetAnalysis> {
	if (!row.jdText) return { state: 'none' };
	if (row.jdAnalysis) return { state: 'kept', analysis: row.jdAnalysis };
	const made = reuseFor(caller, row.jdText);
	if (!made.ok) return { state: 'waiting', wait: made.wait };
	const analysis = storedAnalysis(made.analysis);
	await storeTargetAnalysis(db, caller.userId, row.id, analysis);
	return { state: 'kept', analysis };
}
