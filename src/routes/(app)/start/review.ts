// The review step of /start: the skills an analysis found (or the rows as the learner edited
// them), the terms it could not place and what its levels rest on.
import { getGraph } from '$lib/server/content';
import { FIX_FIELDS, type FieldErrors } from '$lib/server/validation';
import { rowsFromAnalysis, type Analysis, type EditorRow } from '$lib/server/targets';

export function review(
	text: string,
	name: string,
	rows: EditorRow[] | null,
	analysis: Analysis | null,
	errors: FieldErrors = {},
	notice = ''
) {
	const roleId = analysis?.basis.roleId;
	const basisRole = roleId ? getGraph().roleById.get(roleId) : null;
	return {
		step: 'review' as const,
		text,
		name,
		rows: rows ?? rowsFromAnalysis(analysis?.skills ?? []),
		unmatched: analysis?.unmatched ?? [],
		basis: { role: basisRole?.name ?? null, years: analysis?.basis.years ?? null },
		message: Object.keys(errors).length ? FIX_FIELDS : '',
		notice,
		errors
	};
}
