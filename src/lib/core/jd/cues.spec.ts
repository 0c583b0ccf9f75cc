import { describe, expect, it } from 'vitest';
import { asksFor, isAboutDegrees, isHedged, levelBounds } from './cues';
import { tierOfRoleYears, tierOfTitle, tierOfYears, yearsIn } from './seniority';

describe('importance cues', () => {
	it.each(['Kubernetes is a bonus', 'Airflow a plus', 'Familiarity with Spark', 'Exposure to Go'])(
		'%s is hedged',
		(s) => expect(isHedged(s)).toBe(true)
	);
	it('does not hedge "preferred by"', () => {
		expect(isHedged('PyTorch (preferred by research teams)')).toBe(false);
	});
	it('finds requirement language but not in questions', () => {
		expect(asksFor('Python is required')).toBe(true);
		expect(asksFor('Do you need Python?')).toBe(false);
		expect(asksFor('Our stack runs on Python')).toBe(false);
	});
	it('recognises degree sentences', () => {
		expect(isAboutDegrees("Master's degree in statistics")).toBe(true);
		expect(isAboutDegrees('Ph.D. in NLP')).toBe(true);
		expect(isAboutDegrees('Python and statistics')).toBe(false);
	});
});

describe('level cues', () => {
	it('takes the nearest cue before the skill, else the first after', () => {
		const s = 'Mastery of Docker, strong Python, familiarity with Helm';
		expect(levelBounds(s, s.indexOf('Docker')).floor).toBe(4);
		expect(levelBounds(s, s.indexOf('Python')).floor).toBe(3);
		expect(levelBounds(s, s.indexOf('Helm')).ceiling).toBe(2);
		expect(levelBounds('Python expert', 0).floor).toBe(4);
		expect(levelBounds('Python', 0)).toEqual({ floor: 0, ceiling: 4 });
	});
	it('reads "strong understanding of" as strong', () => {
		const s = 'Strong understanding of Docker';
		expect(levelBounds(s, s.indexOf('Docker'))).toEqual({ floor: 3, ceiling: 4 });
	});
});

describe('seniority', () => {
	it('reads years of experience', () => {
		expect(yearsIn('3+ years of experience with Python')).toBe(3);
		expect(yearsIn('2–4 years building models')).toBe(2);
		expect(yearsIn('Founded 10 years ago.')).toBeUndefined();
	});
	it('maps years, titles and role profiles to tiers', () => {
		expect([0, 2, 5, 8].map(tierOfYears)).toEqual([0, 1, 2, 3]);
		expect(tierOfTitle('Senior ML Engineer')).toBe(2);
		expect(tierOfTitle('Staff Engineer')).toBe(3);
		expect(tierOfTitle('ML Engineer')).toBeUndefined();
		expect(tierOfRoleYears('5–8')).toBe(2);
		expect(tierOfRoleYears('8+')).toBe(3);
	});
});
