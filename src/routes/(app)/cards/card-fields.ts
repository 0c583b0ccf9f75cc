// What the card forms show: the rubric's level names and the form's values as strings.
export { LEVEL_NAMES as LEVEL_LABELS } from '$lib/core/levels';
export const LEVELS = [1, 2, 3, 4] as const;

export interface CardValues {
	skillId: string;
	level: string;
	front: string;
	back: string;
	tags: string;
}
