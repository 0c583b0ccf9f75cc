export { analyseResumeFor, resumeJson, type CvReading, type PostingCheck } from './analyze';
export { forgetResume, keepOnlyIfAsked, keepResume, keptResume } from './store';
export { cvTextSchema } from './schemas';
