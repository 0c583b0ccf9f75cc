// Validates a content/ tree without building: `npx tsx scripts/check-content.ts [root]`.
// Lets an author check a draft (root defaults to this repository) with the same loader the
// build uses, and prints the per-skill card counts the content rules ask for.
import { readContentFiles } from '../src/lib/server/content/vite-plugin';
import { parseContent } from '../src/lib/server/content/parse';
import { ContentError } from '../src/lib/server/content/errors';
import { isHomePage } from '../src/lib/server/content/sources';

const root = process.argv[2] ?? process.cwd();
try {
	const { graph, deck } = parseContent(readContentFiles(root));
	const active = deck.filter((c) => !c.retired);
	const level4 = active.filter((c) => c.level === 4).length;
	console.log(
		`${graph.skills.length} skills, ${active.length} active cards, ${level4} at level 4 (${Math.round((100 * level4) / active.length)} %)`
	);
	for (const skill of graph.skills) {
		const cards = active.filter((c) => c.skillId === skill.id);
		const l4 = cards.filter((c) => c.level === 4).length;
		if (cards.length < 14 || l4 < 2)
			console.log(`  ${skill.id}: ${cards.length} cards, ${l4} at level 4`);
	}
	const homePages = active.filter((c) => isHomePage(c.source));
	if (homePages.length > 0) console.log(`${homePages.length} cards cite a home page:`);
	for (const card of homePages) console.log(`  ${card.id}: ${card.source}`);
} catch (error) {
	if (error instanceof ContentError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
