import { describe, expect, it } from 'vitest';
import { cvHeading } from './sections';

const kind = (line: string, hasSkill = false) => cvHeading(line, hasSkill)?.kind ?? null;

describe('cvHeading', () => {
	it('names the usual CV sections, in any case', () => {
		expect(kind('PROFESSIONAL EXPERIENCE')).toBe('work');
		expect(kind('Projects')).toBe('work');
		expect(kind('Research experience')).toBe('work');
		expect(kind('Education')).toBe('education');
		expect(kind('Relevant coursework')).toBe('education');
		expect(kind('Certifications:')).toBe('education');
		expect(kind('Technical skills')).toBe('skills');
		expect(kind('Skills & experience')).toBe('skills');
		expect(kind('Summary')).toBe('summary');
		expect(kind('Hobbies and interests')).toBe('ignore');
		expect(kind('References available on request')).toBe('ignore');
	});

	it('reads a label before content as a section for that line only', () => {
		expect(cvHeading('Stack: Python, Docker', true)).toEqual({ kind: 'skills', inline: true });
		expect(cvHeading('Education:', false)).toEqual({ kind: 'education', inline: false });
	});

	it('leaves content lines alone: sentences, job titles, lines that name a skill', () => {
		expect(kind('Built the research platform for the team.')).toBeNull();
		expect(kind('Senior Data Scientist | Acme | 2019 – 2023')).toBeNull();
		expect(kind('Machine learning projects', true)).toBeNull();
	});
});
