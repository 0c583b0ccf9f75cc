import { describe, expect, it } from 'vitest';
import { asksFor, isAboutDegrees, isHedged, levelBounds } from './cues';
import { roleTiers, tierOfTitle, tierOfYears, yearsIn } from './seniority';

describe('importance cues', () => {
	it.each([
		'Kubernetes is a bonus',
		'Airflow a plus',
		'Spark preferred',
		'Ideally Go',
		'Experience with CUDA is beneficial',
		'Knowledge of Rust would be an advantage'
	])('%s is hedged', (s) => expect(isHedged(s)).toBe(true));
	// Depth is not importance: a requirement at a shallow level is still a requirement.
	it.each(['Familiarity with Spark', 'Exposure to Go'])('%s is not hedged', (s) =>
		expect(isHedged(s)).toBe(false)
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
		expect(levelBounds(s, s.indexOf('Docker'))).toEqual({ floor: 3, ceiling: 3 });
	});
	it('reads strong and solid as independent work (3), working knowledge as at most 2', () => {
		expect(levelBounds('Strong Python', 7)).toEqual({ floor: 3, ceiling: 3 });
		expect(levelBounds('Extensive experience with Python', 26)).toEqual({ floor: 3, ceiling: 4 });
		for (const s of ['Working proficiency in Go is expected', 'Working knowledge of Go'])
			expect(levelBounds(s, s.indexOf('Go')), s).toEqual({ floor: 0, ceiling: 2 });
		expect(levelBounds('You read CUDA as fluently as Python', 11).floor).toBe(3);
	});
	it('reads a profound or thorough understanding as deep, not as "understanding of"', () => {
		for (const s of [
			'A profound understanding of transformer architecture',
			'Thorough knowledge of Docker'
		]) {
			expect(levelBounds(s, s.length - 5), s).toEqual({ floor: 3, ceiling: 4 });
		}
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
		expect(tierOfTitle('HO - AI Engineer Expert')).toBe(2);
		expect(tierOfTitle('Mixture-of-Experts Inference Engineer')).toBeUndefined();
	});
	it("reads the span of a role profile's years", () => {
		expect(roleTiers('2–5')).toEqual([1, 1]);
		expect(roleTiers('1–5')).toEqual([0, 1]);
		expect(roleTiers('5–8')).toEqual([2, 2]);
		expect(roleTiers('8+')).toEqual([3, 3]);
	});
	it('reads years across Unicode spaces and ranges', () => {
		expect(yearsIn('5\u2003+\u2003years of experience')).toBe(5);
		expect(yearsIn('3 – 5 yrs in production')).toBe(3);
	});
});

describe('isHedged', () => {
	it('reads "is a plus" and its kin as optional, but not a preferred option inside a requirement', () => {
		for (const s of ['Ray is a plus.', 'Go is welcome.', 'Rust is an added advantage.'])
			expect(isHedged(s), s).toBe(true);
		for (const s of [
			'Familiarity with Docker and at least one public cloud (AWS preferred)',
			'Strong hands-on experience with Kubernetes (EKS preferred) and Docker',
			'Experience with a public cloud, AWS or GCP preferred.'
		])
			expect(isHedged(s), s).toBe(false);
	});
});

describe('levelBounds and the basics', () => {
	it('reads "basic" as a depth, but not "the basics" a job sets up', () => {
		expect(levelBounds('Basic SQL', 6).ceiling).toBe(1);
		const s = 'Set up the basics we are missing: MLflow and monitoring';
		expect(levelBounds(s, s.indexOf('MLflow'))).toEqual({ floor: 0, ceiling: 4 });
	});
});

describe('isAboutDegrees', () => {
	it('reads MS and BS as degrees, but not milliseconds', () => {
		expect(isAboutDegrees('MS or PhD in computer science')).toBe(true);
		expect(isAboutDegrees('BS/MS in a quantitative field')).toBe(true);
		expect(isAboutDegrees('40k requests per second with a p99 budget of 80 ms')).toBe(false);
		expect(isAboutDegrees('latency below 100ms')).toBe(false);
	});
});
