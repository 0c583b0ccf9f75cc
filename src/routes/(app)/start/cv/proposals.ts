// What /start/cv shows of a CV reading: each proposed level beside the learner's current rating,
// the active target's skills first (must-haves, then nice-to-haves, then the rest, each in the
// CV's order), and the posting's missing terms marked when the CV has their skill by another name.
import type { LatestRating } from '$lib/server/assessments';
import type { CvReading } from '$lib/server/resume';
import type { TargetRow } from '$lib/server/targets';

export type Group = 'must' | 'nice' | 'other';

export interface Proposal {
	id: string;
	name: string;
	level: number;
	evidence: string;
	reason: string;
	/** The learner's latest rating of the skill, or null when never rated. */
	current: number | null;
	group: Group;
}

const RANK: Record<Group, number> = { must: 0, nice: 1, other: 2 };

export function proposalsOf(
	reading: CvReading,
	target: TargetRow | undefined,
	latest: ReadonlyMap<string, LatestRating>
): Proposal[] {
	const importance = new Map(target?.skills.map((s) => [s.id, s.importance]) ?? []);
	return reading.skills
		.map((s) => ({
			id: s.id,
			name: s.name,
			level: s.level,
			evidence: s.evidence,
			reason: s.reason,
			current: latest.get(s.id)?.level ?? null,
			group: importance.get(s.id) ?? ('other' as Group)
		}))
		.sort((a, b) => RANK[a.group] - RANK[b.group]);
}

export interface MissingView {
	targetName: string;
	/** Null while the posting cannot be read (the learner's analyses are spent for `wait` s). */
	terms: { term: string; skillInCv: boolean }[] | null;
	wait: number;
}

export function missingOf(reading: CvReading): MissingView | null {
	const { posting } = reading;
	if (!posting) return null;
	if (posting.state === 'waiting')
		return { targetName: posting.targetName, terms: null, wait: posting.wait };
	const inCv = new Set(reading.skills.map((s) => s.id));
	return {
		targetName: posting.targetName,
		terms: posting.missing.map((t) => ({
			term: t.term,
			skillInCv: t.skillId !== null && inCv.has(t.skillId)
		})),
		wait: 0
	};
}
