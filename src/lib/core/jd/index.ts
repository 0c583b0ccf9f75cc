export {
	analyzeJobDescription,
	analyzeJobDescriptionWithBasis,
	closestRole,
	MAX_JD_CHARS,
	type JdAnalysis,
	type JdBasis,
	type JdSkill
} from './analyze';
export type { SectionKind } from './sections';
