import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL || 'file:data/gapwise.db';
// libSQL does not create missing folders for an embedded database file.
if (url.startsWith('file:'))
	mkdirSync(path.dirname(path.resolve(url.slice(5))), { recursive: true });

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'turso',
	dbCredentials: { url, authToken: process.env.DATABASE_AUTH_TOKEN || undefined },
	strict: true,
	verbose: true
});
