// CSV injection (OWASP): a spreadsheet reads a cell that begins with =, +, -, @, tab or
// carriage return as a formula, so a shared deck could run one. An export prefixes such a
// field with a single quote (and quotes the field); an import removes exactly that quote, so
// a Gapwise file reads back unchanged. A field that already begins with quotes before such a
// character gets one more, so the pair stays exact for every text.

/** One or more quotes, then a character a spreadsheet would start a formula with. */
const ESCAPED = /^'+[=+\-@\t\r]/;
const TRIGGER = /^[=+\-@\t\r]/;

export function neutraliseFormula(field: string): string {
	return TRIGGER.test(field) || ESCAPED.test(field) ? `'${field}` : field;
}

export function restoreFormula(field: string): string {
	return ESCAPED.test(field) ? field.slice(1) : field;
}
