/** The rubric's level names (content/README.md), the same wording on every page. */
export const LEVEL_NAMES: Readonly<Record<number, string>> = {
	0: 'Never heard of it',
	1: 'Aware',
	2: 'With guidance',
	3: 'Independent',
	4: 'Leads and teaches'
};
