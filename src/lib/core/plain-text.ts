// Text a learner stores must read back exactly as it was sent. SQLite's C API and the
// browsers' DOM treat NUL as the end of a string, other control characters are invisible or
// garble terminals and spreadsheets, and a lone surrogate is stored as U+FFFD. Such text is
// refused at the door, with the field named, instead of being stored and changed silently.

export interface TextProblem {
	/** Where in the input, e.g. `tables.personal_card[3].front`; empty for the input itself. */
	path: string;
	message: string;
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/** Control characters (C0, DEL, C1) other than tab and newline; CR only as part of CRLF. */
const CONTROL = /[^\P{Cc}\t\n\r]|\r(?!\n)/u;

/**
 * Why this text cannot be stored, or null when it can: only tab and newline (LF, or CRLF as
 * browsers send form fields) among the control characters, and well-formed UTF-16.
 */
export function textProblem(text: string): string | null {
	if (!text.isWellFormed()) return 'is not valid Unicode (it holds a lone surrogate).';
	const control = CONTROL.exec(text);
	if (!control) return null;
	const code = control[0].charCodeAt(0);
	return `contains the control character U+${hex(code)}; only tab and newline are allowed.`;
}

/** "front: contains …", or "<whole> contains …" when the problem is the input itself. */
export function describeTextProblem(problem: TextProblem, whole = 'The input'): string {
	return problem.path ? `${problem.path}: ${problem.message}` : `${whole} ${problem.message}`;
}

const MAX_DEPTH = 64;

function formatPath(root: string, trail: readonly (string | number)[]): string {
	let path = root;
	for (const step of trail) {
		path = typeof step === 'number' ? `${path}[${step}]` : path ? `${path}.${step}` : step;
	}
	return path;
}

/** The first string (value or key) anywhere in a parsed JSON value that cannot be stored. */
export function findTextProblem(value: unknown, path = ''): TextProblem | null {
	// The path is built only for the problem found: exports run to hundreds of thousands of rows.
	const trail: (string | number)[] = [];
	const visit = (item: unknown, depth: number): string | null => {
		if (typeof item === 'string') return textProblem(item);
		if (typeof item !== 'object' || item === null) return null;
		if (depth >= MAX_DEPTH) return 'is nested too deeply.';
		if (Array.isArray(item)) {
			for (let i = 0; i < item.length; i++) {
				trail.push(i);
				const problem = visit(item[i], depth + 1);
				if (problem) return problem;
				trail.pop();
			}
			return null;
		}
		for (const [key, child] of Object.entries(item)) {
			trail.push(key);
			const keyProblem = textProblem(key);
			if (keyProblem) return `has a key that ${keyProblem}`;
			const problem = visit(child, depth + 1);
			if (problem) return problem;
			trail.pop();
		}
		return null;
	};
	const message = visit(value, 0);
	return message ? { path: formatPath(path, trail), message } : null;
}
