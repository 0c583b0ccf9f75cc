// The real content (graph, roles, decks) as the app loads it, and the loader's error reports.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { getAliasIndex, getDeck, getDeckCard, getGraph } from '$lib/server/content';
import { findAliasMatches } from '$lib/core/aliases';
import { topologicalOrder } from '$lib/core/graph';
import { MAX_HIGHLIGHTED_BLOCKS, renderMarkdown } from '$lib/server/content/markdown';
import { contentCheck, readContentFiles } from '$lib/server/content/vite-plugin';
import seedTermsYaml from '../fixtures/seed-terms.yaml?raw';
import { brokenContent, validContent } from '../fixtures/content';
import { parseContent } from '$lib/server/content/parse';
import { ContentError } from '$lib/server/content/errors';

describe('the competency graph', () => {
	it('loads, and covers the areas and roles the issue asks for', () => {
		const graph = getGraph();
		expect(graph.skills.length).toBeGreaterThanOrEqual(35);
		expect(graph.skills.length).toBeLessThanOrEqual(80);
		for (const area of graph.areas) {
			expect(
				graph.skills.some((s) => s.area === area.id),
				area.id
			).toBe(true);
		}
		expect(topologicalOrder(graph)).toHaveLength(graph.skills.length);
		for (const role of [
			'junior-mle',
			'mle-ii',
			'senior-mle',
			'mlops-engineer',
			'llm-engineer',
			'nlp-engineer',
			'computer-vision-engineer',
			'deep-learning-engineer',
			'edge-ai-engineer',
			'applied-ai-engineer'
		]) {
			expect(graph.roleById.has(role), role).toBe(true);
		}
	});

	it('is computed once', () => {
		expect(getGraph()).toBe(getGraph());
	});

	it('resolves every seed term through aliases to its skill, and to no other', () => {
		const terms = parse(seedTermsYaml) as { term: string; skill: string }[];
		expect(terms.length).toBeGreaterThan(100);
		const index = getAliasIndex();
		const wrong: string[] = [];
		for (const { term, skill } of terms) {
			expect(getGraph().skillById.has(skill), `${term} → unknown skill ${skill}`).toBe(true);
			const found = [...new Set(findAliasMatches(index, term).map((m) => m.skillId))];
			if (found.length !== 1 || found[0] !== skill)
				wrong.push(`${term} → [${found}] (want ${skill})`);
		}
		expect(wrong).toEqual([]);
	});
});

// Word sets of a front without code or Markdown punctuation, for near-duplicate detection.
function words(markdown: string): Set<string> {
	const prose = markdown.replace(/```[\s\S]*?```/g, ' ').toLowerCase();
	return new Set(prose.match(/[\p{L}\p{N}]+/gu) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
	let shared = 0;
	for (const w of a) if (b.has(w)) shared += 1;
	return shared / (a.size + b.size - shared || 1);
}

const ALLOWED_TAGS = new Set(
	'p br hr em strong code pre span a ul ol li blockquote mark h1 h2 h3 h4 h5 h6 table thead tbody tr th td s'.split(
		' '
	)
);

function unexpectedMarkup(html: string): string[] {
	const problems: string[] = [];
	for (const [, tag] of html.matchAll(/<\/?([a-z][\w-]*)/gi)) {
		if (!ALLOWED_TAGS.has(tag!.toLowerCase())) problems.push(`<${tag}>`);
	}
	for (const [attr] of html.matchAll(/\s(?:on\w+|srcdoc|formaction)\s*=/gi)) problems.push(attr);
	if (/href\s*=\s*"(?!https?:|#|\/)/i.test(html)) problems.push('non-http link');
	return problems;
}

describe('the built-in deck', async () => {
	const deck = await getDeck();
	const active = deck.filter((c) => !c.retired);

	it('has at least 700 cards and unique ids', () => {
		expect(active.length).toBeGreaterThanOrEqual(700);
		expect(new Set(deck.map((c) => c.id)).size).toBe(deck.length);
	});

	it('gives every skill at least 12 cards, at every level 1–4, in at least four kinds', () => {
		const short: string[] = [];
		for (const skill of getGraph().skills) {
			const cards = active.filter((c) => c.skillId === skill.id);
			if (cards.length < 12) short.push(`${skill.id}: ${cards.length} cards`);
			const levels = new Set(cards.map((c) => c.level));
			if (levels.size < 4) short.push(`${skill.id}: levels ${[...levels].sort()}`);
			const kinds = new Set(cards.map((c) => c.kind));
			if (kinds.size < 4) short.push(`${skill.id}: kinds ${[...kinds]}`);
		}
		expect(short).toEqual([]);
	});

	it('has no near-duplicate fronts', () => {
		const sets = active.map((c) => ({
			id: c.id,
			words: words(c.frontHtml.replace(/<[^<>]+>/g, ' '))
		}));
		const pairs: string[] = [];
		for (let i = 0; i < sets.length; i++) {
			for (let j = i + 1; j < sets.length; j++) {
				const similarity = jaccard(sets[i]!.words, sets[j]!.words);
				if (similarity > 0.8)
					pairs.push(`${sets[i]!.id} ~ ${sets[j]!.id} (${similarity.toFixed(2)})`);
			}
		}
		expect(pairs).toEqual([]);
	});

	it('cites an https source on every card', () => {
		for (const card of deck) expect(card.source, card.id).toMatch(/^https:\/\/\S+$/);
	});

	it('renders every card to HTML without raw or unexpected markup', () => {
		const problems: string[] = [];
		for (const card of deck) {
			for (const html of [card.frontHtml, card.backHtml]) {
				const found = unexpectedMarkup(html);
				if (found.length > 0) problems.push(`${card.id}: ${found.join(', ')}`);
			}
			if (card.frontHtml.trim() === '' || card.backHtml.trim() === '')
				problems.push(`${card.id}: empty face`);
		}
		expect(problems).toEqual([]);
	});

	it('renders cloze cards with one blank on the front and the marked answer on the back', () => {
		const cloze = active.filter((c) => c.kind === 'cloze');
		expect(cloze.length).toBeGreaterThan(50);
		for (const card of cloze) {
			expect(card.frontHtml.match(/class="cloze-blank"/g), card.id).toHaveLength(1);
			expect(card.backHtml.match(/class="cloze-answer"/g), card.id).toHaveLength(1);
			expect(card.frontHtml + card.backHtml, card.id).not.toMatch(/\{\{|\}\}|GAPWISE/);
		}
	});

	it('highlights code on the server with both themes', () => {
		const code = active.filter((c) => c.kind === 'code');
		expect(code.length).toBeGreaterThan(50);
		const python = code.find((c) => c.frontHtml.includes('--shiki-dark'));
		expect(python?.frontHtml).toMatch(/<pre class="shiki[^"]*"/);
	});

	it('looks cards up by id', async () => {
		const first = deck[0]!;
		expect(await getDeckCard(first.id)).toBe(first);
		expect(await getDeckCard('no-such-card')).toBeUndefined();
	});
});

describe('renderMarkdown', () => {
	it('escapes raw HTML and neutralises script links', async () => {
		const html = await renderMarkdown(
			'<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](https://e.example/i.png)'
		);
		expect(html).not.toMatch(/<script|<img|href="javascript/);
		expect(html).toContain('&lt;script&gt;');
	});

	it('adds rel to links and leaves bare URLs as text', async () => {
		const html = await renderMarkdown('[docs](https://docs.docker.com/) and https://example.com');
		expect(html).toContain('<a href="https://docs.docker.com/" rel="noopener noreferrer">docs</a>');
		expect(html).not.toContain('href="https://example.com"');
	});

	it('highlights known languages and escapes unknown ones', async () => {
		const python = await renderMarkdown('```python\nprint("<b>")\n```');
		expect(python).toContain('--shiki-light');
		expect(python).not.toContain('<b>');
		const other = await renderMarkdown('```brainfuck\n<b>+</b>\n```');
		expect(other).toContain('&#x3C;b>');
		expect(other).not.toContain('<b>');
	});

	it('highlights the first few blocks of a text and escapes the rest as plain code', async () => {
		const text = '```python\nprint("<b>")\n```\n'.repeat(MAX_HIGHLIGHTED_BLOCKS + 2);
		for (let twice = 0; twice < 2; twice += 1) {
			const html = await renderMarkdown(text);
			expect(html.split('<pre class="shiki').length - 1).toBe(MAX_HIGHLIGHTED_BLOCKS);
			expect(html.split('<pre><code class="language-python">').length - 1).toBe(2);
			expect(html).not.toContain('<b>');
		}
	});
});

describe('content errors name the file and the field', () => {
	const expectError = (files: Record<string, string>, message: string | RegExp) => {
		expect(() => parseContent(files)).toThrow(ContentError);
		expect(() => parseContent(files)).toThrow(message);
	};

	it('accepts the valid fixture', () => {
		const { graph, deck } = parseContent(validContent());
		expect(graph.skills.map((s) => s.id)).toEqual(['python', 'docker']);
		expect(graph.roles[0]!.skills[1]).toEqual({
			id: 'docker',
			level: 2,
			importance: 'nice',
			weight: 0.5
		});
		expect(graph.skillById.get('docker')!.prerequisites).toEqual([
			{ id: 'python', level: 2, forLevel: 2 }
		]);
		expect(deck).toHaveLength(2);
	});

	it.each([
		[
			'an unknown prerequisite',
			brokenContent('content/skills/docker.yaml', (s) =>
				s.replace('{ id: python,', '{ id: pythn,')
			),
			"content/skills/docker.yaml: prerequisites[0].id: unknown skill 'pythn'"
		],
		[
			'a level out of range',
			brokenContent('content/skills/docker.yaml', (s) =>
				s.replace('level: 2, for: 2', 'level: 5, for: 2')
			),
			'content/skills/docker.yaml: prerequisites[0].level: must be between 1 and 4'
		],
		[
			'an id that is not the file name',
			brokenContent('content/skills/docker.yaml', (s) => s.replace('id: docker', 'id: dockr')),
			"content/skills/docker.yaml: id: 'dockr' must equal the file name"
		],
		[
			'an unknown area',
			brokenContent('content/skills/docker.yaml', (s) => s.replace('area: mlops', 'area: ops')),
			"content/skills/docker.yaml: area: unknown area 'ops'"
		],
		[
			'an area without skills',
			brokenContent(
				'content/areas.yaml',
				(s) => s + "- { id: empty, name: Empty, colour: '#000000' }\n"
			),
			"content/areas.yaml: [2].id: area 'empty' has no skills"
		],
		[
			'a duplicate alias, ignoring case and punctuation',
			brokenContent('content/skills/docker.yaml', (s) =>
				s.replace('[Docker,', '[Docker, Python!,')
			),
			"content/skills/python.yaml: aliases[0]: 'Python' is already an alias of 'docker'"
		],
		[
			'zero hours',
			brokenContent('content/skills/python.yaml', (s) => s.replace('hours: 5', 'hours: 0')),
			'content/skills/python.yaml: levels.1.hours: must be more than 0'
		],
		[
			'a missing project at level 2',
			brokenContent('content/skills/python.yaml', (s) =>
				s.replace(/ {4}project: Build a CLI\.\n/, '')
			),
			/content\/skills\/python\.yaml: levels\.2\.project: /
		],
		[
			'one can-do statement',
			brokenContent('content/skills/python.yaml', (s) =>
				s.replace('can: [Ran a script., Wrote a loop.]', 'can: [Ran a script.]')
			),
			'content/skills/python.yaml: levels.1.can: needs 2–4 can-do statements'
		],
		[
			'an http resource',
			brokenContent('content/skills/python.yaml', (s) =>
				s.replace('https://docs.python.org/3/', 'http://docs.python.org/3/')
			),
			'content/skills/python.yaml: resources[0].url: must be an https URL'
		],
		[
			'a misspelt field',
			brokenContent('content/skills/python.yaml', (s) => s.replace('summary:', 'sumary:')),
			"content/skills/python.yaml: sumary: unknown field 'sumary'"
		],
		[
			'broken YAML',
			brokenContent('content/skills/python.yaml', (s) =>
				s.replace('name: Python', 'name: [Python')
			),
			/^content\/skills\/python\.yaml: invalid YAML: .* at line \d+, column \d+$/
		],
		[
			'a cycle',
			brokenContent('content/skills/python.yaml', (s) =>
				s.replace('prerequisites: []', 'prerequisites: [{ id: docker, level: 1, for: 1 }]')
			),
			'content/skills/docker.yaml: prerequisites: prerequisite cycle: docker → python → docker'
		],
		[
			'a role naming an unknown skill',
			brokenContent('content/roles/junior-mle.yaml', (s) =>
				s.replace('{ id: docker,', '{ id: podman,')
			),
			"content/roles/junior-mle.yaml: skills[1].id: unknown skill 'podman'"
		],
		[
			'a role level of 0',
			brokenContent('content/roles/junior-mle.yaml', (s) =>
				s.replace('level: 2, importance: nice', 'level: 0, importance: nice')
			),
			'content/roles/junior-mle.yaml: skills[1].level: must be between 1 and 4'
		],
		[
			'a duplicate card id',
			brokenContent('content/cards/python.yaml', (s) =>
				s.replace('id: python-002', 'id: python-001')
			),
			"content/cards/python.yaml: cards[1].id: duplicate card id 'python-001'"
		],
		[
			'a card of an unknown kind',
			brokenContent('content/cards/python.yaml', (s) => s.replace('kind: qa', 'kind: essay')),
			'content/cards/python.yaml: cards[0].kind: must be one of qa, cloze, choice, code, failure'
		],
		[
			'a cloze with two deletions',
			brokenContent('content/cards/python.yaml', (s) =>
				s.replace('{{list}}', '{{list}} or {{tuple}}')
			),
			'content/cards/python.yaml: cards[1].front: a cloze card needs exactly one {{…}} deletion, found 2'
		],
		[
			'raw HTML in a card',
			brokenContent('content/cards/python.yaml', (s) =>
				s.replace('back: A list.', 'back: A <b>list</b>.')
			),
			'content/cards/python.yaml: cards[0].back: raw HTML is not allowed'
		],
		[
			'a code block over 12 lines',
			brokenContent('content/cards/python.yaml', (s) =>
				s.replace(
					'front: Which type is mutable?',
					`front: "\`\`\`python\\n${'x = 1\\n'.repeat(13)}\`\`\`"`
				)
			),
			'content/cards/python.yaml: cards[0].front: a code block has 13 lines; at most 12 are allowed'
		],
		[
			'a card source that is not https',
			brokenContent('content/cards/python.yaml', (s) =>
				s.replace("source: 'https://docs.python.org/3/tutorial/'", 'source: docs')
			),
			'content/cards/python.yaml: cards[0].source: must be a URL'
		],
		[
			'cards for an unknown skill',
			brokenContent('content/cards/python.yaml', (s) =>
				s.replace('skill: python', 'skill: pyth0n')
			),
			"content/cards/python.yaml: skill: unknown skill 'pyth0n'"
		]
	])('reports %s', (_, files, message) => {
		expectError(files, message);
	});

	it('lists every problem at once', () => {
		const files = brokenContent('content/skills/docker.yaml', (s) =>
			s.replace('{ id: python,', '{ id: pythn,').replace('area: mlops', 'area: ops')
		);
		let caught: unknown;
		try {
			parseContent(files);
		} catch (error) {
			caught = error;
		}
		expect(caught).toBeInstanceOf(ContentError);
		// The unknown area also leaves area 'mlops' without skills: reported too.
		expect((caught as ContentError).issues.map((i) => `${i.file}: ${i.path}`).sort()).toEqual([
			'content/areas.yaml: [1].id',
			'content/skills/docker.yaml: area',
			'content/skills/docker.yaml: prerequisites[0].id'
		]);
	});

	it('fails the build through the Vite plugin', () => {
		const root = mkdtempSync(join(tmpdir(), 'gapwise-content-'));
		const files = brokenContent('content/skills/docker.yaml', (s) =>
			s.replace('{ id: python,', '{ id: pythn,')
		);
		for (const [path, text] of Object.entries(files)) {
			mkdirSync(join(root, path, '..'), { recursive: true });
			writeFileSync(join(root, path), text);
		}
		expect(Object.keys(readContentFiles(root)).sort()).toEqual(Object.keys(files).sort());
		const plugin = contentCheck();
		const context = {
			error: (message: string) => {
				throw new Error(message);
			}
		};
		(plugin.configResolved as (c: { root: string }) => void)({ root });
		expect(() => (plugin.buildStart as (this: typeof context) => void).call(context)).toThrow(
			"content/skills/docker.yaml: prerequisites[0].id: unknown skill 'pythn'"
		);
	});
});
