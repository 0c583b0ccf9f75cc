import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { parseAnkiText } from './anki-text';
import { buildImportPreview } from './import-preview';
import { toAnkiText, toJsonExport, type PersonalExportCard, type TextFormat } from './export';

const SKILLS = new Set(['docker', 'python', 'sql']);
const T = new Date('2026-03-01T10:00:00Z');

const card = (over: Partial<PersonalExportCard>): PersonalExportCard => ({
	id: 'pc_1',
	skillId: 'docker',
	level: 2,
	front: 'What does `docker ps -a` show?',
	back: 'All containers,\nincluding stopped ones.',
	tags: ['cli'],
	createdAt: T,
	updatedAt: T,
	...over
});

/** Export, then import into an empty account: the drafts that would be created. */
function reimport(text: string) {
	const parsed = parseAnkiText(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return buildImportPreview(parsed.value, {
		isSkill: (id) => SKILLS.has(id),
		existingHashes: new Set()
	});
}

describe('toAnkiText', () => {
	it('writes the headers Anki reads, then front, back, tags', () => {
		const tsv = toAnkiText([card({})], [], 'tsv');
		expect(tsv).toBe(
			'#separator:tab\n#html:true\n#tags column:3\n' +
				'What does `docker ps -a` show?\tAll containers,<br>including stopped ones.\tcli skill::docker level::2\n'
		);
		expect(toAnkiText([], [], 'csv')).toBe('#separator:comma\n#html:true\n#tags column:3\n');
	});

	it('marks built-in cards so a re-import skips them', () => {
		const text = toAnkiText(
			[],
			[
				{
					id: 'sql-004',
					skillId: 'sql',
					level: 1,
					kind: 'code',
					frontHtml: '<p>What does this print?</p>\n<pre><code>SELECT 1;\n</code></pre>',
					backHtml: '<p>1</p>',
					source: 'https://www.postgresql.org/docs/'
				}
			],
			'csv'
		);
		const { rows } = reimport(text);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ status: 'builtin', line: 4 });
	});

	for (const format of ['tsv', 'csv'] as const) {
		it(`round-trips personal cards through ${format}: export → parse → same cards`, () => {
			const cards = [
				card({}),
				card({
					id: 'pc_2',
					skillId: 'sql',
					level: 4,
					front: '# Heading first',
					back: 'a, "b"; c\td',
					tags: []
				}),
				card({
					id: 'pc_3',
					skillId: 'python',
					level: 1,
					front: '<b>not html</b> &amp;',
					back: '```py\nprint(1)\n```',
					tags: ['x"y', 'a,b']
				})
			];
			const { rows, counts } = reimport(toAnkiText(cards, [], format));
			expect(counts.new).toBe(3);
			expect(rows.map((r) => r.draft)).toEqual(
				cards.map(({ skillId, level, front, back, tags }) => ({
					skillId,
					level,
					front,
					back,
					tags,
					kind: 'qa'
				}))
			);
		});
	}

	it('writes a cloze card in Anki’s syntax, so it comes back as the same cloze card', () => {
		const cloze = card({ kind: 'cloze', front: 'KL divergence is {{not symmetric}}.', back: '' });
		const text = toAnkiText([cloze], [], 'tsv');
		expect(text).toContain('KL divergence is {{c1::not symmetric}}.\t\t');
		expect(reimport(text).rows.map((r) => r.draft)).toEqual([
			{ skillId: 'docker', level: 2, front: cloze.front, back: '', tags: ['cli'], kind: 'cloze' }
		]);
	});

	it('neutralises fields a spreadsheet would run as formulas, and reads them back unchanged', () => {
		const fronts = [
			'=1+2',
			'+SUM(A1)',
			'-2+3',
			'@cmd',
			"'=already quoted",
			"''+twice",
			"it's fine"
		];
		const cards = fronts.map((front, i) =>
			card({ id: `pc_${i}`, front, back: `-answer ${i}`, tags: ['=tag'] })
		);
		for (const format of ['csv', 'tsv'] as const) {
			const text = toAnkiText(cards, [], format);
			// As a spreadsheet (or any CSV reader) sees the cells: none starts a formula.
			const cells = Papa.parse<string[]>(text, {
				delimiter: format === 'csv' ? ',' : '\t',
				comments: '#'
			}).data.flat();
			expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
			expect(text).toContain(
				format === 'csv' ? `"'=1+2","'-answer 0","'=tag` : `"'=1+2"\t"'-answer 0"\t"'=tag`
			);
			expect(text).toContain(`"''=already quoted"`);
			expect(reimport(text).rows.map((r) => [r.front, r.back, r.tags])).toEqual(
				cards.map((c) => [c.front, c.back, c.tags])
			);
		}
	});

	it('quotes whatever the fields contain so the round trip never loses a card (property)', () => {
		const piece = fc.oneof(
			fc.constantFrom(
				'\t',
				',',
				';',
				'"',
				'""',
				'\n',
				'\r\n',
				'#',
				' ',
				'<br>',
				'&amp;',
				'<',
				'>',
				'&',
				'|',
				':',
				'=',
				'+',
				'-',
				'@',
				"'"
			),
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 })
		);
		// What the card schema stores: trimmed, non-empty, \n line ends.
		const side = fc
			.array(piece, { minLength: 1, maxLength: 12 })
			.map((parts) => parts.join('').replace(/\r\n?/g, '\n').trim())
			.filter((s) => s.length > 0);
		const tag = fc
			.stringMatching(/^\S{1,12}$/)
			.filter((t) => !/^(?:skill|level|builtin)::/i.test(t));
		const draft = fc.record({
			skillId: fc.constantFrom(...SKILLS),
			level: fc.integer({ min: 1, max: 4 }),
			front: side,
			back: side,
			tags: fc.uniqueArray(tag, { maxLength: 3, selector: (t) => t.toLowerCase() })
		});
		const property = fc.property(
			fc.array(draft, { minLength: 1, maxLength: 5 }),
			fc.constantFrom<TextFormat>('tsv', 'csv'),
			(drafts, format) => {
				const cards = drafts.map((d, i) => card({ ...d, id: `pc_${i}` }));
				const { rows } = reimport(toAnkiText(cards, [], format));
				const read = rows.map(({ status, skillId, level, front, back, tags }) => ({
					ok: status === 'new' || status === 'duplicate',
					card: { skillId, level, front, back, tags }
				}));
				// Repeats inside one export come back as 'duplicate', never as errors.
				return JSON.stringify(read) === JSON.stringify(drafts.map((d) => ({ ok: true, card: d })));
			}
		);
		expect(() => fc.assert(property, { numRuns: 300 })).not.toThrow();
	});
});

describe('toJsonExport', () => {
	it('lists personal and built-in cards with ISO dates', () => {
		const json = toJsonExport([card({})], [], T);
		expect(json).toEqual({
			format: 'gapwise-cards',
			version: 1,
			exportedAt: '2026-03-01T10:00:00.000Z',
			personalCards: [
				{
					id: 'pc_1',
					skillId: 'docker',
					level: 2,
					front: 'What does `docker ps -a` show?',
					back: 'All containers,\nincluding stopped ones.',
					tags: ['cli'],
					kind: 'qa',
					createdAt: '2026-03-01T10:00:00.000Z',
					updatedAt: '2026-03-01T10:00:00.000Z'
				}
			],
			builtinCards: []
		});
	});
});
