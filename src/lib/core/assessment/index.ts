export * from './placement';
export * from './seeding';
export * from './calibration';
