// drizzle-kit reads this file; each area keeps its tables in its own module.
export * from './schema/auth';
export * from './schema/cards';
export * from './schema/assessment';
export * from './schema/plan';
export * from './schema/reviews';
export * from './schema/push';
export * from './schema/resume';
