// Typo tolerance for search. Phone keyboards swap and drop letters ("pytroch", "kubernets"),
// so the distance counts an adjacent swap as one edit (optimal string alignment), and it
// stops as soon as the bound is exceeded because search runs on every keystroke.

/** How many edits a word of this length may carry and still be the word meant. */
export function editsAllowed(word: string): number {
	if (word.length >= 8) return 2;
	if (word.length >= 5) return 1;
	return 0;
}

// Three rows of the distance table, reused: search compares a query word with thousands of words.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/** Optimal-string-alignment distance between a and b when it is ≤ max, otherwise max + 1. */
export function boundedEdits(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	if (a === b) return 0;
	if (rows[0]!.length <= b.length) rows = rows.map(() => new Int32Array(b.length * 2 + 1));
	let [prev2, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
	for (let j = 0; j <= b.length; j++) prev[j] = j;
	for (let i = 1; i <= a.length; i++) {
		row[0] = i;
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d = Math.min(d, prev2[j - 2]! + 1);
			row[j] = d;
			if (d < rowMin) rowMin = d;
		}
		if (rowMin > max) return max + 1;
		[prev2, prev, row] = [prev, row, prev2];
	}
	return Math.min(prev[b.length]!, max + 1);
}

/**
 * How many edits turn `typed` into `word`, or, when `typed` may be unfinished (the last word
 * of a query), into a start of `word`; Infinity when more than its length allows.
 */
export function wordEdits(typed: string, word: string, unfinished: boolean): number {
	const max = editsAllowed(typed);
	let edits = boundedEdits(typed, word, max);
	if (unfinished && word.length > typed.length)
		edits = Math.min(edits, boundedEdits(typed, word.slice(0, typed.length), max));
	return edits <= max ? edits : Infinity;
}
