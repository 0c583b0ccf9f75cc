// Starts the production build with the defaults the README promises.
// Values from the environment win over .env, which wins over these defaults.
import { existsSync } from 'node:fs';

if (existsSync('.env')) process.loadEnvFile('.env');
process.env.PORT ||= '3000';
process.env.DATABASE_URL ||= 'file:data/gapwise.db';
// Card imports accept up to 1 MB of text (sent once more on confirm); adapter-node's default is 512K.
process.env.BODY_SIZE_LIMIT ||= '2M';
// adapter-node needs the public origin, or it assumes https and rejects form posts.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;

if (!existsSync('build/index.js')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
console.log(
	`Gapwise on ${process.env.ORIGIN} (database ${process.env.DATABASE_URL.replace(/\/\/[^/@]*@/, '//…@')})`
);
await import('../build/index.js');
