// A content problem is reported with the file and the field, so whoever edits the YAML
// can fix it without reading code: "content/skills/docker.yaml: prerequisites[0].id: unknown skill 'pythn'".

export interface ContentIssue {
	/** Path from the project root, e.g. content/skills/docker.yaml. */
	file: string;
	/** Field path inside the file, e.g. prerequisites[0].id; empty for the whole file. */
	path: string;
	message: string;
}

export function formatIssue(issue: ContentIssue): string {
	return issue.path
		? `${issue.file}: ${issue.path}: ${issue.message}`
		: `${issue.file}: ${issue.message}`;
}

export class ContentError extends Error {
	readonly issues: readonly ContentIssue[];

	constructor(issues: readonly ContentIssue[]) {
		const lines = issues.map(formatIssue);
		super(issues.length === 1 ? lines[0] : `${issues.length} content errors:\n${lines.join('\n')}`);
		this.name = 'ContentError';
		this.issues = issues;
	}
}

/** Formats a field path: ['prerequisites', 0, 'id'] → prerequisites[0].id. */
export function fieldPath(keys: readonly (string | number)[]): string {
	let out = '';
	for (const key of keys) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${key}` : key;
	}
	return out;
}
