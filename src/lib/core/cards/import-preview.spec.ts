import { describe, expect, it } from 'vitest';
import { parseAnkiText } from './anki-text';
import { buildImportPreview, type PreviewContext } from './import-preview';
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
		expect(counts).toEqual({ new: 2, exists: 0, duplicate: 0, builtin: 0, error: 0 });
		expect(rows.map((r) => r.draft)).toEqual([
			{ skillId: 'sql', level: 3, front: 'Q1', back: 'A1', tags: ['joins'] },
			{ skillId: 'docker', level: 1, front: 'Q2', back: 'A2', tags: [] }
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
		expect(counts).toEqual({ new: 1, exists: 1, duplicate: 1, builtin: 0, error: 0 });
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
