export { analyzeResume, MAX_CV_CHARS, type CvSkill } from './analyze';
export { missingTerms, postingTerms, type PostingTerm } from './missing';
