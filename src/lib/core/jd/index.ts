export {
	analyzeJobDescription,
	analyzeJobDescriptionWithBasis,
	MAX_JD_CHARS,
	type JdAnalysis,
	type JdBasis,
	type JdSkill
} from './analyze';
export { closestRole } from './role';
export { analysisVersion, isStaleAnalysis, JD_ANALYSER_VERSION } from './version';
export type { SectionKind } from './sections';
