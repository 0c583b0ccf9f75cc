import { describe, expect, it } from 'vitest';
import { ankiDeletions, clozeCards, clozeCount, toAnkiCloze } from './cloze';

describe('Anki cloze notes as Gapwise cloze cards', () => {
	it('reads deletions with and without hints', () => {
		expect(ankiDeletions('a {{c1::b}} c {{c12::d::hint}} {{x}} {{c::e}}')).toEqual([
			{ start: 2, end: 11, ord: 1, answer: 'b' },
			{ start: 14, end: 30, ord: 12, answer: 'd' }
		]);
	});

	it('makes one card per cloze number, the other deletions shown as their text', () => {
		expect(clozeCards('{{c2::Adam}} keeps {{c1::a moving average}} of {{c2::gradients}}.')).toEqual(
			[
				{ ord: 1, front: 'Adam keeps {{a moving average}} of gradients.' },
				{ ord: 2, problem: expect.stringMatching(/^c2 hides 2 gaps/) }
			]
		);
		expect(clozeCards('KL divergence is {{c1::not symmetric}}.')).toEqual([
			{ ord: 1, front: 'KL divergence is {{not symmetric}}.' }
		]);
		expect(clozeCards('{{c1:: }} and {{c3::x::y}}')).toEqual([
			{ ord: 1, problem: 'c1 hides nothing.' },
			{ ord: 3, front: '  and {{x}}' }
		]);
		expect(clozeCards('no deletions {{here}}')).toEqual([]);
	});

	it('counts Gapwise deletions and writes them back in Anki syntax', () => {
		expect(clozeCount('a {{b}} c')).toBe(1);
		expect(clozeCount('{{}} {{x}} {{y}}')).toBe(2);
		expect(clozeCount('none')).toBe(0);
		expect(toAnkiCloze('KL divergence is {{not symmetric}}.')).toBe(
			'KL divergence is {{c1::not symmetric}}.'
		);
		expect(clozeCards(toAnkiCloze('x {{y}} z'))).toEqual([{ ord: 1, front: 'x {{y}} z' }]);
	});

	it('reads any text in linear time', () => {
		const text = '{{c1::'.repeat(20_000) + '{{c'.repeat(20_000);
		const started = performance.now();
		clozeCards(text);
		clozeCount(text);
		expect(performance.now() - started).toBeLessThan(200);
	});
});
