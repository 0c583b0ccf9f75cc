// Fails `vite build` on any content error, before a single module is bundled, with the
// file and field named. Reads content/ from disk because import.meta.glob does not exist here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { parseContent } from './parse';
import { ContentError } from './errors';

function readYaml(dir: string, root: string, into: Record<string, string>) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) readYaml(path, root, into);
		else if (entry.name.endsWith('.yaml')) {
			into[relative(root, path).split(sep).join('/')] = readFileSync(path, 'utf8');
		}
	}
	return into;
}

export function readContentFiles(root: string): Record<string, string> {
	return readYaml(join(root, 'content'), root, {});
}

export function contentCheck(): Plugin {
	let root = process.cwd();
	let checked = false;
	return {
		name: 'gapwise-content-check',
		apply: 'build',
		configResolved(config) {
			root = config.root;
		},
		buildStart() {
			// Kit runs several builds (client, server); the content is the same for all.
			if (checked) return;
			try {
				parseContent(readContentFiles(root));
				checked = true;
			} catch (error) {
				if (error instanceof ContentError) this.error(`Content is invalid.\n${error.message}`);
				throw error;
			}
		}
	};
}
