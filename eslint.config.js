import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import regexp from 'eslint-plugin-regexp';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'data/', 'bench/results*', 'test-results/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	regexp.configs['flat/recommended'],
	{
		// No request may stall the process: a pattern that backtracks or rescans super-linearly
		// on some input fails the lint, including the cases only a crafted input reaches.
		rules: {
			'regexp/no-super-linear-backtracking': ['error', { report: 'potential' }],
			'regexp/no-super-linear-move': ['error', { report: 'potential', ignorePartial: false }]
		}
	},
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		// The app has no base path, so plain hrefs are correct and resolve() adds nothing.
		rules: { 'no-undef': 'off', 'svelte/no-navigation-without-resolve': 'off' }
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: {
					allowDefaultProject: [
						'drizzle.config.ts',
						'playwright.config.ts',
						'bench/*.ts',
						'scripts/*.ts'
					]
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		// The domain core stays pure: no framework, database or ambient time.
		files: ['src/lib/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: [
								'$app/*',
								'$env/*',
								'@sveltejs/*',
								'svelte',
								'svelte/*',
								'drizzle-orm',
								'drizzle-orm/*',
								'@libsql/*',
								'$lib/server/*'
							],
							message: 'src/lib/core is pure TypeScript.'
						}
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
					message: 'Pass `now` in.'
				},
				{
					selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
					message: 'Pass a seed in.'
				}
			]
		}
	}
);
