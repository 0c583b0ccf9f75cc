// Markdown → sanitised HTML, once, on the server. Raw HTML in the source is escaped (html:
// false), so card text can never inject markup; markdown-it's own link check drops
// javascript:/vbscript:/data: URLs. Images are off: the CSP would block remote ones anyway.
import MarkdownIt, { type MarkdownIt as Markdown } from 'markdown-it';
import type { CardKind } from '../../core/types';
import { getHighlighter, highlight } from './highlight';
import { CLOZE } from './card-text';

let renderer: Promise<Markdown> | undefined;

/**
 * Highlighting costs about a millisecond a block, so 4,000 characters of empty fences took half
 * a second to render. A card has one or two blocks; beyond this many in one text, blocks render
 * as plain escaped code.
 */
export const MAX_HIGHLIGHTED_BLOCKS = 4;
let highlightedBlocks = 0;

/** md.render is synchronous, so the count belongs to exactly this text. */
function renderText(md: Markdown, markdown: string): string {
	highlightedBlocks = 0;
	return md.render(markdown);
}

function getRenderer(): Promise<Markdown> {
	renderer ??= getHighlighter().then((highlighter) => {
		const md = new MarkdownIt({
			html: false,
			linkify: false,
			typographer: false,
			// An empty string tells markdown-it to escape the block itself.
			highlight: (code, info) =>
				++highlightedBlocks <= MAX_HIGHLIGHTED_BLOCKS ? highlight(highlighter, code, info) : ''
		});
		md.disable('image');
		const renderToken = md.renderer.renderToken.bind(md.renderer);
		md.renderer.rules.link_open = (tokens, i, options) => {
			tokens[i]!.attrSet('rel', 'noopener noreferrer');
			return renderToken(tokens, i, options);
		};
		return md;
	});
	return renderer;
}

/** Renders Markdown (CommonMark + fenced code) to HTML safe to insert with {@html}. */
export async function renderMarkdown(markdown: string): Promise<string> {
	return renderText(await getRenderer(), markdown);
}

// A token of letters only survives Markdown untouched, wherever the deletion sits.
const BLANK_TOKEN = 'GAPWISECLOZEBLANK';
const BLANK_HTML = '<span class="cloze-blank">[…]</span>';

export interface CardHtml {
	frontHtml: string;
	backHtml: string;
}

/**
 * The two faces of a card. For a cloze card the front shows the deletion as a blank
 * "[…]" and the back repeats the whole sentence with the answer marked, then any back
 * text: a review screen shows backHtml in place of frontHtml when revealing a cloze.
 */
export async function renderCard(card: {
	kind: CardKind;
	front: string;
	back: string;
}): Promise<CardHtml> {
	const md = await getRenderer();
	if (card.kind !== 'cloze') {
		return { frontHtml: renderText(md, card.front), backHtml: renderText(md, card.back) };
	}
	const answers: string[] = [];
	const withBlank = card.front.replace(CLOZE, (_, answer: string) => {
		answers.push(answer.trim());
		return BLANK_TOKEN;
	});
	const rendered = renderText(md, withBlank);
	const answer = `<mark class="cloze-answer">${md.renderInline(answers[0] ?? '')}</mark>`;
	return {
		frontHtml: rendered.replaceAll(BLANK_TOKEN, BLANK_HTML),
		backHtml: rendered.replaceAll(BLANK_TOKEN, answer) + (card.back ? renderText(md, card.back) : '')
	};
}
