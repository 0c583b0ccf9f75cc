// What the card forms show: the rubric's level names (short enough for a radio on a phone)
// and the form's values as strings.
export const LEVEL_LABELS: Record<number, string> = {
	1: 'Aware',
	2: 'With guidance',
	3: 'Independent',
	4: 'Leads'
};
export const LEVELS = [1, 2, 3, 4] as const;

export interface CardValues {
	skillId: string;
	level: string;
	front: string;
	back: string;
	tags: string;
}
