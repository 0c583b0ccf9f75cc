// Starts the production build with the defaults the README promises.
// Values from the environment win over .env, which wins over these defaults.
import { existsSync } from 'node:fs';
import { staticHeadersListener } from '../src/lib/server/security/headers.js';

if (existsSync('.env')) process.loadEnvFile('.env');
process.env.PORT ||= '3000';
process.env.DATABASE_URL ||= 'file:data/gapwise.db';
// The largest body any door takes: an account import (MAX_IMPORT_BYTES in
// src/lib/server/reviews/portable.ts). Every other endpoint stops reading at its own, smaller
// limit (readJson); adapter-node's default would be 512K.
process.env.BODY_SIZE_LIMIT ||= '50M';
// adapter-node needs the public origin, or it assumes https and rejects form posts.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
console.log(
	`Gapwise on ${process.env.ORIGIN} (database ${process.env.DATABASE_URL.replace(/\/\/[^/@]*@/, '//…@')})`
);
const { server } = await import('../build/index.js');
// adapter-node serves static/ and _app/immutable before SvelteKit's hooks run: this listener
// goes first, so those files carry the pages' security headers too.
server.server.prependListener('request', staticHeadersListener(process.env.ORIGIN));
