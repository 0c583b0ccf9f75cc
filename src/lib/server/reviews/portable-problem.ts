export type Row = Record<string, unknown>;

/** Why an import document is refused: 400 for the document, 409 for the account. */
export class ImportProblem extends Error {
	constructor(
		readonly status: 400 | 409,
		message: string
	) {
		super(message);
	}
}
