import { describe, expect, it } from 'vitest';
import type { Importance, Role } from '../types';
import { closestRole, roleNamesakes, titleAffinity, titleWords } from './role';

function role(id: string, name: string, skills: string[]): Role {
	return {
		id,
		name,
		summary: '',
		years: '2–5',
		skills: skills.map((s) => ({ id: s, level: 3, importance: 'must', weight: 1 })),
		justification: []
	};
}

const musts = (ids: string[]) => new Map(ids.map((id) => [id, 'must' as Importance]));

// Two profiles sharing most skills: the LLM one lists one more of the posting's skills.
const llm = role('llm', 'LLM / GenAI Engineer', ['a', 'b', 'c', 'd', 'e', 'f']);
const agents = role('agents', 'Applied AI / Agents Engineer', ['a', 'b', 'c', 'd', 'e', 'y', 'z']);
const posting = musts(['a', 'b', 'c', 'd', 'e', 'x']);

describe('closestRole', () => {
	it('takes the profile the title names when the skills nearly tie', () => {
		expect(closestRole([llm, agents], posting)?.id).toBe('llm');
		expect(closestRole([llm, agents], posting, 'Applied AI Engineer, Agents')?.id).toBe('agents');
		expect(closestRole([llm, agents], posting, 'Senior LLM Engineer')?.id).toBe('llm');
	});

	it('lets no title outweigh a profile that clearly shares more of the posting', () => {
		const wide = role('agents', 'Applied AI / Agents Engineer', ['a', 'y', 'z']);
		expect(closestRole([llm, wide], posting, 'Applied AI Engineer, Agents')?.id).toBe('llm');
	});

	it('lets no title make a profile the posting does not resemble', () => {
		const unrelated = musts(['p', 'q', 'r']);
		expect(closestRole([llm, agents], unrelated, 'Applied AI / Agents Engineer')).toBeNull();
	});
});

describe('titleAffinity', () => {
	it('counts the words of the profile name the title repeats, not the generic ones', () => {
		expect(titleWords('Senior ML Engineer')).toEqual(['senior', 'machine', 'learning']);
		const senior = role('s', 'Senior Machine Learning Engineer', []);
		expect(titleAffinity(senior, 'Senior ML Engineer')).toBe(1);
		expect(titleAffinity(senior, 'Machine Learning Engineer')).toBeCloseTo(2 / 3);
		expect(titleAffinity(senior, 'Software Engineer')).toBe(0);
		expect(titleAffinity(senior, null)).toBe(0);
	});

	it('fits a specialist profile only to a posting that asks for its specialty', () => {
		const vision = role('cv', 'Computer Vision Engineer', ['a', 'b', 'c', 'd', 'e', 'vision']);
		const namesakes = roleNamesakes([vision, llm], (name) =>
			name.startsWith('Computer Vision') ? ['vision'] : []
		);
		expect(namesakes.get('cv')).toEqual(['vision']);
		// A speech posting shares the vision profile's deep-learning skills, not its job.
		expect(closestRole([vision], posting, null, namesakes)).toBeNull();
		expect(closestRole([vision], musts(['a', 'b', 'c', 'vision']), null, namesakes)?.id).toBe('cv');
	});
});
