import type { JdAnalysis } from '$lib/core/jd';
import { MAX_NAME } from './schemas';

/**
 * The name proposed for a target from a pasted posting: its job title ("Senior Software
 * Engineer, GPU Inference"); for a posting that states none, what it asks for most
 * ("Kubernetes & Helm and Python programming role").
 */
export function proposedName(analysis: JdAnalysis): string {
	if (analysis.title) return analysis.title.slice(0, MAX_NAME);
	const top = analysis.skills.filter((s) => s.importance === 'must').slice(0, 2);
	const named = (top.length > 0 ? top : analysis.skills.slice(0, 2)).map((s) => s.name);
	return named.length > 0 ? `${named.join(' and ')} role`.slice(0, MAX_NAME) : 'Job description';
}
