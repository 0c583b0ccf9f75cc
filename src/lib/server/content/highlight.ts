// Server-side code highlighting. Only the languages the built-in deck uses are loaded; other
// fences render as plain, escaped code. Colours come as CSS variables for both themes
// (--shiki-light / --shiki-dark), and rendered-markdown.css picks one by colour scheme.
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

const LANGUAGES = {
	bash: () => import('shiki/langs/bash.mjs'),
	dockerfile: () => import('shiki/langs/dockerfile.mjs'),
	hcl: () => import('shiki/langs/hcl.mjs'),
	json: () => import('shiki/langs/json.mjs'),
	protobuf: () => import('shiki/langs/protobuf.mjs'),
	python: () => import('shiki/langs/python.mjs'),
	sql: () => import('shiki/langs/sql.mjs'),
	toml: () => import('shiki/langs/toml.mjs'),
	yaml: () => import('shiki/langs/yaml.mjs')
};
type Language = keyof typeof LANGUAGES;

const ALIASES: Record<string, Language> = {
	sh: 'bash',
	shell: 'bash',
	console: 'bash',
	shellscript: 'bash',
	docker: 'dockerfile',
	terraform: 'hcl',
	tf: 'hcl',
	proto: 'protobuf',
	py: 'python',
	yml: 'yaml'
};

export const HIGHLIGHTED_LANGUAGES = Object.keys(LANGUAGES) as Language[];

let loading: Promise<HighlighterCore> | undefined;

export function getHighlighter(): Promise<HighlighterCore> {
	loading ??= createHighlighterCore({
		themes: [import('shiki/themes/github-light.mjs'), import('shiki/themes/github-dark.mjs')],
		langs: Object.values(LANGUAGES).map((load) => load()),
		engine: createJavaScriptRegexEngine()
	}).catch((error: unknown) => {
		loading = undefined;
		throw error;
	});
	return loading;
}

export function resolveLanguage(info: string): Language | 'text' {
	const name = info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
	if (name in LANGUAGES) return name as Language;
	return ALIASES[name] ?? 'text';
}

/** Highlighted HTML for one code block; the highlighter escapes the code itself. */
export function highlight(highlighter: HighlighterCore, code: string, info: string): string {
	return highlighter.codeToHtml(code.replace(/\n$/, ''), {
		lang: resolveLanguage(info),
		themes: { light: 'github-light', dark: 'github-dark' },
		defaultColor: false
	});
}
