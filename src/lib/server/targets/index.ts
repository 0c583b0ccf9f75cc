export * from './store';
export * from './schemas';
export {
	analyseFor,
	reuseFor,
	storedAnalysis,
	tooMany,
	type Analysis,
	type Caller
} from './analyze';
export { analysisOfTarget, type TargetAnalysis } from './stored';
export { proposedName } from './naming';
export { analyserKey, TokenBuckets } from './rate-limit';
export { targetJson } from './json';
export * from './editor';
export * from './options';
