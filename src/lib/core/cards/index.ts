// The learner's own cards: validation, Anki text import/export and duplicate detection.
export * from './limits';
export * from './text';
export * from './hash';
export * from './tags';
export * from './schema';
export * from './anki-text';
export * from './import-preview';
export * from './export';
export * from './cloze';
export * from './formula';
