// Checks on the Markdown of a built-in card that a schema cannot express.
import MarkdownIt, { type Token } from 'markdown-it';

export const MAX_CODE_LINES = 12;

/**
 * A cloze deletion: {{answer}}, the answer on one or more lines but never empty. The answer
 * holds no `{`, so a run of unclosed `{{` is scanned once, not once per brace.
 */
export const CLOZE = /\{\{([^{]+?)\}\}/g;

// Parses with HTML enabled only to find it: the renderer itself never passes HTML through.
const detector = new MarkdownIt({ html: true });

function walk(tokens: Token[], visit: (t: Token) => void) {
	for (const token of tokens) {
		visit(token);
		if (token.children) walk(token.children, visit);
	}
}

export interface MarkdownReport {
	/** Problems as messages; empty when the text is fine. */
	problems: string[];
	hasCode: boolean;
}

/** Checks one Markdown field of a card in a single parse. */
export function inspectMarkdown(markdown: string): MarkdownReport {
	const problems: string[] = [];
	let hasCode = false;
	walk(detector.parse(markdown, {}), (token) => {
		if (token.type === 'html_block' || token.type === 'html_inline') {
			problems.push(`raw HTML is not allowed: ${JSON.stringify(token.content.trim().slice(0, 40))}`);
		}
		if (token.type === 'fence' || token.type === 'code_block') {
			hasCode = true;
			const lines = token.content.replace(/\n$/, '').split('\n').length;
			if (lines > MAX_CODE_LINES) {
				problems.push(`a code block has ${lines} lines; at most ${MAX_CODE_LINES} are allowed`);
			}
		}
	});
	return { problems, hasCode };
}

export function clozeCount(markdown: string): number {
	return [...markdown.matchAll(CLOZE)].length;
}
