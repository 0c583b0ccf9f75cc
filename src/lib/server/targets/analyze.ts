import { analyzeJobDescriptionWithBasis } from '$lib/core/jd';
import { getAliasIndex, getGraph } from '$lib/server/content';

/** The job-description analysis over the app's own graph (with what the levels rest on). */
export function analyzeText(text: string) {
	return analyzeJobDescriptionWithBasis(text, getGraph(), getAliasIndex());
}
