import { analysisVersion, isStaleAnalysis } from '$lib/core/jd';
import type { TargetRow } from './store';

/** A target as the JSON API sends it (the pasted text stays on the server). `analysis` says
 * which analyser read the job description, and whether a newer one would read it differently
 * (the target's page reads it again); null when no analysis is kept. */
export function targetJson(t: TargetRow) {
	return {
		id: t.id,
		name: t.name,
		roleId: t.roleId,
		active: t.active,
		fromJobDescription: t.jdText !== null,
		analysis: t.jdAnalysis
			? {
					analyserVersion: analysisVersion(t.jdAnalysisVersion),
					stale: isStaleAnalysis(t.jdAnalysisVersion)
				}
			: null,
		skills: t.skills,
		createdAt: t.createdAt.toISOString(),
		updatedAt: t.updatedAt.toISOString()
	};
}
