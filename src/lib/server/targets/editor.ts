// The skill editor's rows: built from an analysis or a saved target, read back from a posted
// form. The form works without JavaScript, so every edit round-trips through here.
import type { JdAnalysis, JdSkill } from '$lib/core/jd';
import type { TargetSkill } from '$lib/core/types';
import { getGraph } from '$lib/server/content';
import { MAX_TARGET_SKILLS } from './schemas';

export interface EditorRow {
	id: string;
	name: string;
	keep: boolean;
	targetLevel: number;
	importance: 'must' | 'nice';
	evidence: string[];
	/** Why the analysis proposed this level ('' when the row did not come from one). */
	reason: string;
}

/** What an analysis says of each skill: its quotes and the reason for its level. */
export type Findings = ReadonlyMap<string, { evidence: string[]; reason: string }>;

export function findingsOf(analysis: JdAnalysis | null): Findings {
	return new Map(
		(analysis?.skills ?? []).map((s) => [s.id, { evidence: s.evidence, reason: s.levelReason }])
	);
}

const nameOf = (id: string) => getGraph().skillById.get(id)?.name ?? id;

export function rowsFromAnalysis(skills: readonly JdSkill[]): EditorRow[] {
	return skills.map((s) => ({
		id: s.id,
		name: s.name,
		keep: true,
		targetLevel: s.targetLevel,
		importance: s.importance,
		evidence: s.evidence,
		reason: s.levelReason
	}));
}

export function rowsFromTarget(
	skills: readonly TargetSkill[],
	findings: Findings = new Map()
): EditorRow[] {
	return skills.map((s) => ({
		id: s.id,
		name: nameOf(s.id),
		keep: true,
		targetLevel: s.targetLevel,
		importance: s.importance,
		evidence: findings.get(s.id)?.evidence ?? [],
		reason: findings.get(s.id)?.reason ?? ''
	}));
}

const levelOf = (value: FormDataEntryValue | null, fallback: number) => {
	const n = typeof value === 'string' && /^[1-4]$/.test(value) ? Number(value) : fallback;
	return n;
};

/**
 * The rows as posted, plus the skill chosen under "Add a skill" (at level 2, must). Unknown ids
 * are dropped; quotes and reasons come from `findings` (the analysis of the posted text).
 */
export function readEditor(
	data: FormData,
	findings: Findings = new Map()
): { rows: EditorRow[]; added: boolean } {
	const graph = getGraph();
	const rows: EditorRow[] = [];
	const seen = new Set<string>();
	for (const value of data.getAll('skill').slice(0, MAX_TARGET_SKILLS * 2)) {
		if (typeof value !== 'string' || seen.has(value) || !graph.skillById.has(value)) continue;
		seen.add(value);
		rows.push({
			id: value,
			name: nameOf(value),
			keep: data.get(`keep:${value}`) !== null,
			targetLevel: levelOf(data.get(`level:${value}`), 2),
			importance: data.get(`importance:${value}`) === 'nice' ? 'nice' : 'must',
			evidence: findings.get(value)?.evidence ?? [],
			reason: findings.get(value)?.reason ?? ''
		});
	}
	const add = data.get('add');
	const added = typeof add === 'string' && graph.skillById.has(add) && !seen.has(add);
	if (added) {
		rows.push({
			id: add,
			name: nameOf(add),
			keep: true,
			targetLevel: 2,
			importance: 'must',
			evidence: findings.get(add)?.evidence ?? [],
			reason: findings.get(add)?.reason ?? ''
		});
	}
	return { rows, added };
}

/** The kept rows in the JSON API's shape, for targetSkillsSchema. */
export function editorSkills(rows: readonly EditorRow[]) {
	return rows
		.filter((r) => r.keep)
		.map((r) => ({ id: r.id, targetLevel: r.targetLevel, importance: r.importance }));
}
