import { describe, expect, it } from 'vitest';
import { parseAnkiText } from './anki-text';
import { ankiCardKey, buildImportPreview, type PreviewContext } from './import-preview';
import { cardContentHash } from './hash';

const SKILLS = new Set(['docker', 'python', 'sql']);
const ctx = (over: Partial<PreviewContext> = {}): PreviewContext => ({
	isSkill: (id) => SKILLS.has(id),
	existingHashes: new Set(),
	...over
});

function preview(text: string, over: Partial<PreviewContext> = {}) {
	const parsed = parseAnkiText(text);
	if (!parsed.ok) throw new Error(parsed.message);
	return buildImportPreview(parsed.value, ctx(over));
}

describe('buildImportPreview', () => {
	it('takes skill and level from tags, else from the defaults', () => {
		const { rows, counts } = preview('Q1\tA1\tskill::sql level::3 joins\nQ2\tA2\n', {
			defaultSkillId: 'docker',
			defaultLevel: 1
		});
		expect(counts).toEqual({ new: 2, update: 0, exists: 0, duplicate: 0, builtin: 0, error: 0 });
		expect(rows.map((r) => r.draft)).toEqual([
			{ skillId: 'sql', level: 3, front: 'Q1', back: 'A1', tags: ['joins'], kind: 'qa' },
			{ skillId: 'docker', level: 1, front: 'Q2', back: 'A2', tags: [], kind: 'qa' }
		]);
	});

	it('gives every bad line its number and reason', () => {
		const text = [
			'#separator:tab',
			'\tback without front\tskill::docker',
			'front without back',
			'Q\tA\tskill::rust',
			'Q\tA\tskill::docker level::9',
			`${'x'.repeat(2001)}\tA\tskill::docker`,
			'Q\tA',
			'Q\t \tskill::docker level::two'
		].join('\n');
		const { rows, counts } = preview(text, { defaultLevel: 2 });
		expect(counts.error).toBe(7);
		expect(rows.map((r) => [r.line, r.reason])).toEqual([
			[2, 'The front is empty.'],
			[3, 'The back is missing: put it after a separator.'],
			[4, 'Unknown skill “rust”.'],
			[5, 'Choose a level from 1 to 4.'],
			[6, 'The front is longer than 2,000 characters.'],
			[7, 'No skill: choose one for the whole file, or tag the line skill::<id>.'],
			[8, 'Choose a level from 1 to 4. The back is empty.']
		]);
	});

	it('marks duplicates inside the file and cards the learner already has', () => {
		const existing = cardContentHash('Known', 'Card');
		const { rows, counts } = preview('known\tcard\nNew\tOne\nnew \tone\n', {
			defaultSkillId: 'python',
			defaultLevel: 1,
			existingHashes: new Set([existing])
		});
		expect(counts).toEqual({ new: 1, update: 0, exists: 1, duplicate: 1, builtin: 0, error: 0 });
		expect(rows.map((r) => [r.status, r.reason])).toEqual([
			['exists', 'Already in your cards.'],
			['new', undefined],
			['duplicate', 'Same card as line 2.']
		]);
	});

	it('skips built-in cards of an export instead of copying them', () => {
		const { rows } = preview('<b>Q</b>\tA\tskill::docker level::1 builtin::docker-001\n');
		expect(rows[0]).toMatchObject({
			status: 'builtin',
			reason: 'Built-in card docker-001: already in Gapwise.'
		});
	});
});

describe('Anki "Notes in Plain Text" exports with note ids and types', () => {
	const EXPORT = [
		'#separator:tab',
		'#html:true',
		'#guid column:1',
		'#notetype column:2',
		'#deck column:3',
		'#tags column:6',
		'b{2a[Y`v.Q\tBasic\tMLOps\tWhat is <b>drift</b>?\tA change in the data.\tskill::docker',
		'Hc$3/Kz(1+\tCloze\tMLOps\tKL divergence is {{c1::not symmetric}}.\t\tskill::docker',
		'Qx7!pL0m2@\tCloze\tMLOps\t{{c1::Adam}} keeps {{c2::moving averages}}.\tBias-corrected.\tskill::docker'
	].join('\n');
	const read = (
		existingAnki?: PreviewContext['existingAnki'],
		existingHashes = new Set<string>()
	) => {
		const parsed = parseAnkiText(EXPORT);
		if (!parsed.ok) throw new Error(parsed.message);
		return buildImportPreview(parsed.value, {
			isSkill: () => true,
			defaultLevel: 2,
			existingHashes,
			existingAnki
		});
	};

	it('imports basic notes as questions and cloze notes as one cloze card per number', () => {
		const { rows, counts } = read();
		expect(counts).toMatchObject({ new: 4, error: 0 });
		expect(rows.map((r) => [r.line, r.anki, r.draft?.kind, r.draft?.front, r.draft?.back])).toEqual(
			[
				[7, { guid: 'b{2a[Y`v.Q', ord: 0 }, 'qa', 'What is **drift**?', 'A change in the data.'],
				[8, { guid: 'Hc$3/Kz(1+', ord: 1 }, 'cloze', 'KL divergence is {{not symmetric}}.', ''],
				[
					9,
					{ guid: 'Qx7!pL0m2@', ord: 1 },
					'cloze',
					'{{Adam}} keeps moving averages.',
					'Bias-corrected.'
				],
				[
					9,
					{ guid: 'Qx7!pL0m2@', ord: 2 },
					'cloze',
					'Adam keeps {{moving averages}}.',
					'Bias-corrected.'
				]
			]
		);
	});

	it('updates the cards of the same notes on a re-import instead of adding them again', () => {
		const first = read().rows;
		const onFile = new Map(
			first.map((r, i) => [
				ankiCardKey(r.anki!),
				{ id: `pc_${i}`, hash: r.hash!, skillId: r.skillId!, level: r.level!, tags: r.tags }
			])
		);
		// The learner changed the first cloze card's level in Anki's export: only it updates.
		onFile.set(ankiCardKey(first[1]!.anki!), {
			...onFile.get(ankiCardKey(first[1]!.anki!))!,
			level: 1
		});
		const again = read(onFile, new Set(first.map((r) => r.hash!)));
		expect(again.rows.map((r) => [r.status, r.updateId])).toEqual([
			['exists', undefined],
			['update', 'pc_1'],
			['exists', undefined],
			['exists', undefined]
		]);
	});
});
