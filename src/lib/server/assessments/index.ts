export * from './store';
export * from './schemas';
export * from './placement';
export * from './calibration';
export * from './rubric';
export * from './onboarding';
