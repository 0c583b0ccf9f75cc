import type { Database } from '$lib/server/db';

/** The database or an open transaction: inside a transaction, queries must use the transaction. */
export type Queryable = Database | Parameters<Parameters<Database['transaction']>[0]>[0];
