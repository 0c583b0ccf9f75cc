import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAnkiText, type ParsedAnkiText } from './anki-text';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from './limits';

function parsed(text: string): ParsedAnkiText {
	const result = parseAnkiText(text);
	if (!result.ok) throw new Error(result.message);
	return result.value;
}

describe('parseAnkiText', () => {
	it('reads Anki’s own export with its headers', () => {
		const file = [
			'#separator:tab',
			'#html:true',
			'#tags column:3',
			'What does <code>docker ps</code> list?\tRunning containers.<br>Add <b>-a</b> for all.\tdocker cli',
			'Front two\tBack two\t'
		].join('\n');
		const { separator, html, notes } = parsed(file);
		expect(separator).toBe('\t');
		expect(html).toBe(true);
		expect(notes).toEqual([
			{
				line: 4,
				front: 'What does `docker ps` list?',
				back: 'Running containers.\nAdd **-a** for all.',
				tags: ['docker', 'cli']
			},
			{ line: 5, front: 'Front two', back: 'Back two', tags: [] }
		]);
	});

	it('counts lines through quoted fields with newlines, blank lines and comments', () => {
		const file =
			'a,b\n\n"multi\nline front","back, with comma"\n# a comment\n"say ""hi""",x,t1 t2\n';
		const { separator, notes } = parsed(file);
		expect(separator).toBe(',');
		expect(notes.map((n) => [n.line, n.front, n.back, n.tags])).toEqual([
			[1, 'a', 'b', []],
			[3, 'multi\nline front', 'back, with comma', []],
			[6, 'say "hi"', 'x', ['t1', 't2']]
		]);
	});

	it('detects tab, semicolon and comma separators', () => {
		expect(parsed('one, two\tthree\tx\nfour\tfive, six\t').separator).toBe('\t');
		expect(parsed('one;two, three\nfour;five').separator).toBe(';');
		expect(parsed('one,two\nthree,four').separator).toBe(',');
	});

	it('honours a named or literal #separator and Windows line ends', () => {
		expect(parsed('#separator:Semicolon\r\na,b;c\r\n').notes[0]).toMatchObject({
			line: 2,
			front: 'a,b',
			back: 'c'
		});
		expect(parsed('#separator:|\na|b').notes[0]).toMatchObject({ front: 'a', back: 'b' });
	});

	it('keeps plain text as it is unless the file is HTML', () => {
		expect(parsed('#html:false\na &amp; <b>\tb').notes[0]!.front).toBe('a &amp; <b>');
		// Without a header, Anki-style markup marks the file as HTML.
		const guessed = parsed('a<br>b\tc &amp; d');
		expect(guessed.html).toBe(true);
		expect(guessed.notes[0]).toMatchObject({ front: 'a\nb', back: 'c & d' });
	});

	it('adds global tags and reads guid and notetype columns apart from the fields', () => {
		const file = [
			'#separator:tab',
			'#html:true',
			'#tags:imported',
			'#guid column:1',
			'#notetype column:2',
			'#deck column:3',
			'#tags column:6',
			'abc\tBasic\tDeck\tFront\tBack\tmine'
		].join('\n');
		expect(parsed(file).notes[0]).toEqual({
			line: 8,
			front: 'Front',
			back: 'Back',
			tags: ['imported', 'mine'],
			guid: 'abc',
			notetype: 'Basic'
		});
	});

	it('maps front, back and tags by #columns labels', () => {
		const file = '#separator:comma\n#columns:Tags,Back,Front\nt1,the back,the front';
		expect(parsed(file).notes[0]).toMatchObject({
			front: 'the front',
			back: 'the back',
			tags: ['t1']
		});
	});

	it('reports a missing back and a broken quote on their own lines', () => {
		const notes = parsed('only a front\nok\tfine\n"never closed\tx\n').notes;
		expect(notes[0]).toEqual({ line: 1, front: 'only a front', tags: [] });
		expect(notes[1]).toMatchObject({ line: 2, front: 'ok', back: 'fine' });
		expect(notes[2]).toMatchObject({
			line: 3,
			problem: expect.stringContaining('Unbalanced quotes')
		});
	});

	it('strips a byte-order mark and the historic tags: first line', () => {
		expect(parsed('\uFEFFtags:old\nf\tb').notes[0]).toEqual({
			line: 2,
			front: 'f',
			back: 'b',
			tags: ['old']
		});
	});

	it('refuses text over 1 MB or over the row limit, with a reason', () => {
		const big = parseAnkiText('x'.repeat(IMPORT_MAX_BYTES + 1));
		expect(big).toEqual({ ok: false, message: expect.stringContaining('limit is 1 MB') });
		const many = parseAnkiText('f\tb\n'.repeat(IMPORT_MAX_ROWS + 1));
		expect(many).toEqual({ ok: false, message: expect.stringContaining('more than 2,000 cards') });
		expect(parseAnkiText('f\tb\n'.repeat(IMPORT_MAX_ROWS)).ok).toBe(true);
	});

	it('never throws and numbers notes in increasing order within the text', () => {
		fc.assert(
			fc.property(
				fc.string({
					unit: fc.constantFrom('a', 'b', ' ', '\t', ',', ';', '"', '\n', '\r', '#', '<', '>')
				}),
				(text) => {
					const result = parseAnkiText(text);
					expect(result.ok).toBe(true);
					if (!result.ok) return;
					const lines = text.split(/\r\n|\r|\n/).length;
					const numbers = result.value.notes.map((n) => n.line);
					expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
					expect(numbers.every((n) => n >= 1 && n <= lines)).toBe(true);
				}
			)
		);
	});
});
