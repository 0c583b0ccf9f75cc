// Every function that reads a learner's text, fed crafted input up to its size limit — Unicode
// spaces, runs of punctuation and tags, nested brackets and emphasis, digits with spaces — must
// answer within a time proportional to the input: 5 × 50 ms per 20,000 characters, the slack
// being for a busy host. A pattern or parser that backtracks or rescans (quadratic or worse)
// misses that budget well before the limit, so sizes grow ×4 and a function stops at its first
// miss: a super-linear one fails in seconds instead of stalling the suite for minutes.
// TIME_BUDGET_REPORT=1 prints the slowest call per function.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
	BACK_MAX,
	IMPORT_MAX_BYTES,
	ankiHtmlToText,
	buildImportPreview,
	looksLikeHtml,
	markdownPreviewText,
	parseAnkiText
} from '$lib/core/cards';
import { MAX_JD_CHARS } from '$lib/core/jd';
import { analyzeResume, MAX_CV_CHARS, missingTerms, postingTerms } from '$lib/core/resume';
import { getAliasIndex, getGraph } from '$lib/server/content';
import { parseSteps } from '$lib/core/scheduling/settings';
import { renderCard } from '$lib/server/content/markdown';
import { analyzeText } from '$lib/server/targets/analyze';

const MS_PER_20K = 50;
const SLACK = 5;
/**
 * Below about 10,000 characters a busy host's noise (a GC pause, another process) dominates: the
 * JD analyser, 7 ms on 5,000 characters when quiet, once took 63 ms three times running while
 * the suite shared the two cores with other work. A super-linear function still misses the
 * budget above it by far.
 */
const FLOOR_MS = 100;
const budgetMs = (chars: number) => Math.max(FLOOR_MS, (SLACK * MS_PER_20K * chars) / 20_000);

interface Target {
	name: string;
	limit: number;
	/** How the limit is counted: the card import's is in UTF-8 bytes. */
	unit: 'characters' | 'bytes';
	run(text: string): unknown;
}

function previewImport(text: string) {
	const parsed = parseAnkiText(text);
	if (!parsed.ok) return parsed;
	return buildImportPreview(parsed.value, {
		isSkill: (id) => id === 'docker',
		defaultSkillId: 'docker',
		defaultLevel: 1,
		existingHashes: new Set()
	});
}

/** A posting's terms, for the CV reading's "terms your CV never uses". */
const POSTING_TERMS = postingTerms(
	analyzeText('Requirements\n- Strong Python, PyTorch and Kubernetes in production; LangSmith.'),
	getAliasIndex()
);

function readCv(text: string) {
	return [analyzeResume(text, getGraph(), getAliasIndex()), missingTerms(text, POSTING_TERMS)];
}

const TARGETS: Target[] = [
	{ name: 'JD analysis', limit: MAX_JD_CHARS, unit: 'characters', run: analyzeText },
	{ name: 'CV analysis', limit: MAX_CV_CHARS, unit: 'characters', run: readCv },
	{ name: 'card import preview', limit: IMPORT_MAX_BYTES, unit: 'bytes', run: previewImport },
	{
		name: 'card import preview of #html:true',
		limit: IMPORT_MAX_BYTES,
		unit: 'bytes',
		run: (text) => previewImport(`#html:true\n${text}`)
	},
	// One field may be the whole file.
	{ name: 'ankiHtmlToText', limit: IMPORT_MAX_BYTES, unit: 'characters', run: ankiHtmlToText },
	{ name: 'looksLikeHtml', limit: IMPORT_MAX_BYTES, unit: 'characters', run: looksLikeHtml },
	{ name: 'markdownPreviewText', limit: BACK_MAX, unit: 'characters', run: markdownPreviewText },
	{
		// One face of a card: the cloze pattern, CommonMark and highlighted fences.
		name: 'Markdown card rendering',
		limit: BACK_MAX,
		unit: 'characters',
		run: (text) => renderCard({ kind: 'cloze', front: text, back: '' })
	},
	// The settings form refuses longer step lists before parsing them.
	{ name: 'parseSteps', limit: 100, unit: 'characters', run: parseSteps }
];

/** Text, or a string repeated to fill the size left by the fixed parts. */
type Part = string | { repeat: string };

const EM = '\u2003';
/** Inputs that stalled something once, or would have. */
const KNOWN: Part[][] = [
	['1', { repeat: EM }, '-2', { repeat: EM }, 'x'],
	['5', { repeat: '\u00a0' }, '+', { repeat: '\u3000' }, 'years'],
	[{ repeat: '.' }],
	[{ repeat: '!' }],
	[{ repeat: '?.' }],
	['#html:true\n', { repeat: '<div ' }],
	[{ repeat: '<div ' }],
	[{ repeat: '<b>' }, { repeat: '</b>' }],
	[{ repeat: '<!--' }],
	[{ repeat: '&#x1' }],
	[{ repeat: '{{' }],
	[{ repeat: '[' }, 'x', { repeat: ']' }],
	[{ repeat: '[](' }],
	[{ repeat: '(' }, { repeat: ')' }],
	[{ repeat: '__x ' }],
	[{ repeat: '**a' }],
	[{ repeat: '*a ' }],
	[{ repeat: '`' }],
	[{ repeat: '```\n' }],
	[{ repeat: '"\t' }],
	['"', { repeat: 'x\n' }],
	[{ repeat: '1 ' }],
	[{ repeat: '- ' }],
	['a', { repeat: ' ' }, 'job description'],
	['Skills: ', { repeat: 'Python (5 years), ' }],
	[{ repeat: 'Built Python using Docker, ' }],
	['x', { repeat: ' \n' }]
];

const range = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
const UNICODE_SPACES = ['\u00a0', ...range(0x2000, 0x200a), '\u202f', '\u3000'];
const PUNCTUATION = [...'.!?-*_`[(<>])}{#:;,"|+&~\\/='];
const MARKUP = ['<div ', '<div>', '</div>', '<b>', '</b>', '<br>', '<!--', '-->', '</', '&nbsp;'];
const MARKDOWN = ['**', '__', '[x](', '](', '{{', '}}', '```', '~~~', '> ', '# ', '1. ', '- '];
const WORDS = ['1 ', '2-', '10+ ', '5 years', 'x', 'Python', 'job description', 'skill::docker'];
const LINES = ['\n', '\r\n', '\t', ' ', '#html:true\n', '#separator:tab\n', '#tags column:3\n'];

const piece = fc.oneof(
	fc.constantFrom(...UNICODE_SPACES),
	fc.constantFrom(...PUNCTUATION),
	fc.constantFrom(...MARKUP, ...MARKDOWN),
	fc.constantFrom(...WORDS, ...LINES),
	fc.string({ maxLength: 3 })
);
const chunk = fc
	.array(piece, { minLength: 1, maxLength: 3 })
	.map((p) => p.join(''))
	.filter((c) => c.length > 0);
const fixed = fc.array(chunk, { maxLength: 2 }).map((c) => c.join(''));
/** A head, then one or two runs each followed by fixed text: runs, sandwiches and nesting. */
const attack: fc.Arbitrary<Part[]> = fc
	.tuple(fixed, fc.array(fc.tuple(chunk, fixed), { minLength: 1, maxLength: 2 }))
	.map(([head, runs]) => [head, ...runs.flatMap(([repeat, after]) => [{ repeat }, after])]);

function fill(parts: Part[], size: number, unit: Target['unit']) {
	const measure = (s: string) => (unit === 'bytes' ? Buffer.byteLength(s) : s.length);
	const fixedSize = parts.reduce((n, p) => n + (typeof p === 'string' ? measure(p) : 0), 0);
	const runs = parts.filter((p) => typeof p !== 'string').length;
	const each = Math.max(0, size - fixedSize) / runs;
	const shape: string[] = [];
	const text = parts
		.map((p) => {
			if (typeof p === 'string') {
				if (p) shape.push(JSON.stringify(p));
				return p;
			}
			const times = Math.floor(each / measure(p.repeat));
			shape.push(`${JSON.stringify(p.repeat)} × ${times}`);
			return p.repeat.repeat(times);
		})
		.join('');
	return { text, shape: shape.join(' + ') };
}

async function timed(target: Target, text: string) {
	const start = performance.now();
	await target.run(text);
	return performance.now() - start;
}

/** The slowest call at each function's full size limit, for TIME_BUDGET_REPORT. */
const slowest = new Map<string, { ms: number; chars: number; shape: string }>();

async function holdsBudget(target: Target, parts: Part[], size: number) {
	const { text, shape } = fill(parts, size, target.unit);
	const budget = budgetMs(text.length);
	// The best of up to three tries: a GC pause or a busy host is not the code's fault.
	let ms = await timed(target, text);
	for (let tries = 1; ms > budget && tries < 3; tries += 1)
		ms = Math.min(ms, await timed(target, text));
	if (size === target.limit && ms > (slowest.get(target.name)?.ms ?? -1))
		slowest.set(target.name, { ms, chars: text.length, shape });
	expect(
		ms,
		`${target.name} took ${ms.toFixed(0)} ms on ${text.length} characters (${shape}); the budget is ${budget.toFixed(0)} ms`
	).toBeLessThanOrEqual(budget);
}

/** limit/64, limit/16, limit/4, limit. */
const sizes = (limit: number) => [64, 16, 4, 1].map((d) => Math.floor(limit / d));

describe('text-taking functions answer in time proportional to their input', () => {
	for (const target of TARGETS) {
		it(`${target.name}, up to ${target.limit.toLocaleString('en')} ${target.unit}`, async () => {
			await target.run('Warm up: **Python** and <b>Docker</b>, 3+ years.\tBack'); // JIT, highlighter
			for (const size of sizes(target.limit)) {
				for (const parts of KNOWN) await holdsBudget(target, parts, size);
				const result = await fc.check(
					fc.asyncProperty(attack, (parts) => holdsBudget(target, parts, size)),
					{ numRuns: size === target.limit ? 5 : 10, endOnFailure: true }
				);
				if (result.failed) {
					const error = result.errorInstance as Error;
					throw new Error(`${error.message} (fast-check seed ${result.seed})`, { cause: error });
				}
			}
		}, 300_000);
	}

	afterAll(() => {
		if (!process.env.TIME_BUDGET_REPORT) return;
		for (const [name, { ms, chars, shape }] of slowest) {
			const per20k = ((ms * 20_000) / chars).toFixed(1);
			console.log(
				`${name}: slowest ${ms.toFixed(1)} ms on ${chars} characters (${per20k} ms per 20,000): ${shape.slice(0, 70)}`
			);
		}
	});
});
