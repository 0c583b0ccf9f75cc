// The job-description analyser behind every door that runs it (/analyze, POST /api/jd/analyze,
// /start, a target's page): each fresh analysis is taken from the caller's one allowance. The
// review steps of /start re-read the analysis the caller just paid for from a small memory
// instead of running it again.
import { createHash } from 'node:crypto';
import { analyzeJobDescriptionWithBasis, type JdAnalysis, type JdBasis } from '$lib/core/jd';
import { getAliasIndex, getGraph } from '$lib/server/content';
import { analyserKey, takeAnalysis } from './rate-limit';

export type Analysis = JdAnalysis & { basis: JdBasis };

/** Who asks: a signed-in learner (their own allowance) or a visitor (their address's). */
export interface Caller {
	userId: string | null | undefined;
	address: string;
}

export type Analysed = { ok: true; analysis: Analysis } | { ok: false; wait: number };

/** The analysis over the app's own graph, without any allowance: for tests and benchmarks. */
export function analyzeText(text: string): Analysis {
	return analyzeJobDescriptionWithBasis(text, getGraph(), getAliasIndex());
}

// Analyses made lately, by caller and text: enough for the few steps of a review, small enough
// that a flood of texts only pushes old ones out.
const RECENT = 256;
const recent = new Map<string, Analysis>();

const recentKey = (caller: Caller, text: string) =>
	`${analyserKey(caller.userId, caller.address)} ${createHash('sha256').update(text).digest('base64')}`;

/** A fresh analysis, taken from the caller's allowance. */
export function analyseFor(caller: Caller, text: string): Analysed {
	const wait = takeAnalysis(caller.userId, caller.address);
	if (wait > 0) return { ok: false, wait };
	const analysis = analyzeText(text);
	const key = recentKey(caller, text);
	recent.delete(key);
	recent.set(key, analysis);
	if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
	return { ok: true, analysis };
}

/** The analysis this caller made of this text lately, else a fresh one from the allowance. */
export function reuseFor(caller: Caller, text: string): Analysed {
	const known = recent.get(recentKey(caller, text));
	return known ? { ok: true, analysis: known } : analyseFor(caller, text);
}

/** What a target keeps of an analysis: the skills with their quotes and reasons, the unmatched
 * terms and the title (the basis only explains the first proposal). */
export function storedAnalysis({ skills, unmatched, title }: Analysis): JdAnalysis {
	return { skills, unmatched, title };
}

/** The message for a caller whose allowance is spent. */
export const tooMany = (wait: number, unit = 'seconds') =>
	`Too many analyses; try again in ${wait} ${unit}.`;
