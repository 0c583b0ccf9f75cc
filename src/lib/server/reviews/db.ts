export type { Queryable } from '$lib/server/db/compiled';
