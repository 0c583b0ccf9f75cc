// The level a posting implies for each skill it names, and the reason, in words, for the page to
// show beside the evidence. Levels: 1 aware · 2 with guidance · 3 independent · 4 leads/teaches.
import type { Importance } from '../types';
import type { Cue } from './cues';
import type { Tier } from './seniority';

/** Levels proposed when neither the text nor the closest role profile says more. */
const DEFAULT_LEVEL: Record<Importance, number> = { must: 2, nice: 1 };

/**
 * The level of a skill the job is about, by seniority (unknown counts as mid): a specialist is
 * independent in it; a senior whose title names it leads on it.
 */
const FOCUS_LEVEL: Record<'title' | 'repeated', readonly number[]> = {
	title: [2, 3, 4, 4],
	repeated: [2, 3, 3, 4]
};

const TIER_NAME = ['junior', 'mid', 'senior', 'staff'] as const;
const MID_TIER: Tier = 1;
const SENIOR: Tier = 2;
const MUST_FLOOR = 2;

export type Focus = { kind: 'title'; title: string } | { kind: 'repeated'; sentences: number };

export interface LevelInput {
	importance: Importance;
	/** The closest role profile and the level it gives this skill, if it lists it. */
	role: { name: string; level: number | undefined } | null;
	/** Steps between the posting's seniority and the closest role profile's (−1, 0 or +1). */
	roleShift: number;
	tier: Tier | null;
	focus: Focus | null;
	/** The cue governing each mention of the skill (undefined: none). */
	cues: readonly (Cue | undefined)[];
}

export interface ProposedLevel {
	level: number;
	reason: string;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function baseLevel(input: LevelInput): ProposedLevel {
	const { importance, role, roleShift, tier } = input;
	const seniority = tier === null ? '' : TIER_NAME[tier];
	if (role && role.level !== undefined) {
		const profile = clamp(role.level + roleShift, 1, 4);
		const step = roleShift > 0 ? ', one step up' : roleShift < 0 ? ', one step down' : '';
		const why = `the closest role profile, ${role.name}, asks for ${role.level}`;
		const posting =
			tier === null
				? 'a posting that states no seniority (read as at most mid-level)'
				: `a ${seniority}-level posting`;
		const reason = `${why}${step ? `${step} for ${posting}` : ''}`;
		// A requirement is work done at least with guidance; a nice-to-have with no depth named
		// asks for awareness (or guided use, in a senior posting) whatever the profile wants.
		if (importance === 'must' && profile < MUST_FLOOR)
			return {
				level: MUST_FLOOR,
				reason: `${reason}, but a requirement asks at least ${MUST_FLOOR}`
			};
		const niceCap = tier !== null && tier >= SENIOR ? 2 : 1;
		if (importance === 'nice' && profile > niceCap)
			return {
				level: niceCap,
				reason: `${reason}, but a nice-to-have asks no more than ${niceCap}`
			};
		return { level: profile, reason };
	}
	const shift = tier === null ? 0 : clamp(tier - MID_TIER, -1, 1);
	const level = clamp(DEFAULT_LEVEL[importance] + shift, 1, 4);
	const kind = importance === 'must' ? 'must-have' : 'nice-to-have';
	return {
		level,
		reason: `the usual level of a ${kind} skill${shift ? ` in a ${seniority}-level posting` : ''}`
	};
}

function focusLevel(input: LevelInput): ProposedLevel | null {
	const { focus, tier, importance } = input;
	if (!focus || importance !== 'must') return null;
	const level = FOCUS_LEVEL[focus.kind][tier ?? MID_TIER]!;
	const seniority = TIER_NAME[tier ?? MID_TIER];
	const why =
		focus.kind === 'title'
			? `the job is about it (its title, “${focus.title}”, names it)`
			: `the job is about it (${focus.sentences} of its sentences ask for it)`;
	return { level, reason: `${why}, at ${seniority} level` };
}

/** The proposed level: the base (role profile or default), raised for the job's focus, then
 * bounded by the strongest cue among the skill's mentions. */
export function proposeLevel(input: LevelInput): ProposedLevel {
	const base = baseLevel(input);
	const focus = focusLevel(input);
	const start = focus && focus.level >= base.level ? focus : base;
	let best: ProposedLevel | null = null;
	// A depth the posting names decides over its plain mentions: "solid Python" is 3 even where
	// the stack line, with no depth, would take the senior profile's 4.
	const named = input.cues.filter((c) => c !== undefined);
	for (const cue of named.length > 0 ? named : [undefined]) {
		const said = cue?.bounds ?? { floor: 0, ceiling: 4 };
		// "Strong" describes the candidate, not the job: the skill a senior job is about still
		// asks for leading it. Only "familiarity" or "exposure" cap the job's own focus.
		const bounds = start === focus && said.ceiling >= 3 ? { ...said, ceiling: 4 } : said;
		const level = clamp(Math.max(start.level, bounds.floor), 1, bounds.ceiling);
		if (best && level <= best.level) continue;
		let reason = start.reason;
		if (cue && bounds.floor > start.level) reason = `the posting asks for “${cue.text}”`;
		else if (cue && level < start.level) reason = `“${cue.text}” asks for no more`;
		best = { level, reason };
	}
	return { level: best!.level, reason: `Level ${best!.level}: ${best!.reason}.` };
}
