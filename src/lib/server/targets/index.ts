export * from './store';
export * from './schemas';
export { analyzeText } from './analyze';
export { analyserKey, takeAnalysis, TokenBuckets } from './rate-limit';
export { targetJson } from './json';
export * from './editor';
export * from './options';
