// The one place the plan reads the learner's active target and its gap (H-gap's service).
export { getActiveTargetGap as activeTargetGap, type TargetGap } from '$lib/server/gap';
