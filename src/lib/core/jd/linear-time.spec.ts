// Issue 15: a pasted job description must never stall the server. Each input below took the
// old analyser from a third of a second to minutes (super-linear regular expressions and
// loops); now each must finish within a budget proportional to its length.
import { describe, expect, it } from 'vitest';
import { buildAliasIndex } from '../aliases';
import { smallGraph } from '../../../../tests/fixtures/small-graph';
import { analyzeJobDescription, MAX_JD_CHARS } from './analyze';
import { normaliseText, splitLines, splitSentences } from './text';
import { yearsIn } from './seniority';

const graph = smallGraph();
const index = buildAliasIndex(graph.skills);
const N = MAX_JD_CHARS;
const fill = (unit: string, n = N) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const em = '\u2003';
// Every space separator (\p{Zs}) but the plain space.
const SPACES =
	'\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000';

const INPUTS: Record<string, string> = {
	'the issue’s 3,004 characters: 1, 1,500 em spaces, -2, 1,500 em spaces, x':
		'1' + em.repeat(1500) + '-2' + em.repeat(1500) + 'x',
	'years over every Unicode space':
		'1' + fill(SPACES, N / 2 - 3) + '+-2' + fill(SPACES, N / 2 - 2) + 'x',
	'a run of dots': fill('.'),
	'a run of exclamation marks': fill('!'),
	'a word then dots': 'Python' + fill('.', N - 6),
	'mixed stops': fill('.!?'),
	'nested brackets': fill('([{', N / 2) + fill('}])', N / 2),
	'abbreviations that never end a sentence': fill('e.g. Python '),
	'one sentence naming a skill thousands of times': 'Requirements: ' + fill('Python, ', N - 14),
	'level cues everywhere':
		'Requirements: ' + fill('expert Python and familiarity with Docker ', N - 14),
	'list separators between names': 'Requirements: ' + fill('Python , , or and Polaris ', N - 14),
	'short sentences': fill('Python. Docker! '),
	bullets: fill('- Python\n'),
	'years phrases': fill('5+ years of experience '),
	'heading markers': fill('#+ : — '),
	'capitalised words': fill('Alpha Beta Gamma, ')
};

/**
 * The least processor time, in milliseconds, of three runs after a warm-up: on a machine shared
 * by many processes, wall-clock time measures the queue, not the work.
 */
function cpuTime(run: () => unknown): number {
	run();
	let best = Infinity;
	for (let i = 0; i < 3; i++) {
		const before = process.cpuUsage();
		run();
		const used = process.cpuUsage(before);
		best = Math.min(best, (used.user + used.system) / 1000);
	}
	return best;
}

// The aim is 50 ms for the 20,000 characters allowed (measured here: 1–26 ms). The test
// allows three times that, never less than 30 ms, because the suite shares a 2-core host with
// browsers and servers; a super-linear pattern at this size costs seconds, so it still fails.
const budget = (length: number) => Math.max(30, (150 * length) / N);

describe('the analyser runs in time proportional to its input', () => {
	it.each(Object.entries(INPUTS))('%s', (_, text) => {
		expect(text.length).toBeLessThanOrEqual(N);
		const ms = cpuTime(() => analyzeJobDescription(text, graph, index));
		expect(ms).toBeLessThan(budget(text.length));
	});

	it('reads years of experience in linear time over long runs of spaces', () => {
		// 3,004 characters: the old pattern took seconds here and grew with the cube of the length.
		const text = '1' + ' '.repeat(1500) + '-2' + ' '.repeat(1500) + 'x';
		expect(cpuTime(() => yearsIn(text))).toBeLessThan(budget(text.length));
		expect(yearsIn(`5${em}+${em}years of experience`)).toBe(5);
	});

	it('splits a long run of stops in linear time and keeps it whole', () => {
		const dots = fill('.');
		expect(cpuTime(() => splitSentences(dots))).toBeLessThan(budget(N));
		expect(splitSentences(dots)).toEqual([dots]);
		expect(splitSentences(`Python${fill('!', 100)} Docker`)).toEqual([
			`Python${fill('!', 100)}`,
			'Docker'
		]);
	});
});

describe('normaliseText', () => {
	it('folds every Unicode space separator to a plain space', () => {
		for (const space of SPACES) {
			expect(normaliseText(`a${space}b`), `U+${space.codePointAt(0)!.toString(16)}`).toBe('a b');
		}
		expect(splitLines(`a${SPACES}b\u2028c`)).toEqual(['a b', 'c']);
	});
});
