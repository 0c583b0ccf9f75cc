// The learner's own cards: one module per concern, re-exported for routes and other services.
export * from './personal-cards';
export * from './import';
export * from './export';
export * from './render';
export * from './json';
export * from './schemas';
export * from './skills';
