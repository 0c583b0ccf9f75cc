export * from './placement';
export * from './seeding';
export * from './calibration';
export * from './implied';
export * from './rating-queue';
