import { describe, expect, it } from 'vitest';
import { classifyHeading } from './sections';

describe('classifyHeading', () => {
	it.each([
		['Requirements', 'must'],
		['Must Have — Focus 80% of your tailoring here', 'must'],
		['Qualifications', 'must'],
		["What you'll need", 'must'],
		['Core technical skills:', 'must'],
		['Nice to have', 'nice'],
		['+Nice to Have — Address 2–3 of these to stand out', 'nice'],
		['Preferred Qualifications', 'nice'],
		['Bonus', 'nice'],
		['Pluses', 'nice'],
		['We expect you to have:', 'must'],
		['We are looking for', 'must'],
		['Responsibilities', 'duties'],
		['Some directions we are currently working on, and which you can be a part of:', 'duties'],
		["What we're working on", 'duties'],
		['Duties and responsibilities', 'duties'],
		['Salary Range and Benefits', 'ignore'],
		['Education:', 'ignore'],
		['Sample cover letter', 'ignore'],
		['Frequently asked questions', 'narrative'],
		['What Does a Machine Learning Engineer Do?', 'narrative'],
		['Soft skills', 'narrative'],
		['Not required, but helpful:', 'nice'],
		['Extra points if you have', 'nice'],
		["It's great if you also have:", 'nice'],
		['You might be a fit if you:', 'must'],
		['You might also have:', 'nice'],
		['About Pennant', 'ignore'],
		['About the role', 'duties'],
		['Role overview', 'duties'],
		['Desired qualifications', 'nice'],
		['About you', 'must']
	] as const)('%s → %s', (line, kind) => {
		expect(classifyHeading(line, false)).toBe(kind);
	});

	it('does not take content for a heading', () => {
		expect(classifyHeading('Strong Python skills', true)).toBeNull();
		expect(classifyHeading('We offer a great team and a strong mission.', false)).toBeNull();
		expect(classifyHeading('Is a degree required to become an ML engineer?', false)).toBeNull();
		expect(
			classifyHeading(
				'Requirements include 10 different ML frameworks — copy-paste JD, not reflective of actual stack',
				false
			)
		).toBeNull();
		expect(classifyHeading('Python', true)).toBeNull();
		// Only a line that announces a list may be long.
		expect(
			classifyHeading(
				'Some directions we are currently working on, and which you can be a part of.',
				false
			)
		).toBeNull();
	});

	it('accepts a labelled line that names skills', () => {
		expect(classifyHeading('LLM-specific skills increasingly expected:', true)).toBe('must');
	});
});
