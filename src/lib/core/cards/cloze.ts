// Cloze deletions in two dialects. Gapwise's: the front holds exactly one {{answer}}. Anki's:
// {{c1::answer}} or {{c1::answer::hint}}, any number, and Anki makes one card per cloze
// number, hiding that number's deletions and showing the others as their text. Scanned by
// hand rather than with patterns, so any input is read in one pass.

export interface AnkiDeletion {
	start: number;
	end: number;
	ord: number;
	answer: string;
}

/** Every {{cN::answer}} or {{cN::answer::hint}} of an Anki field, in order (not nested). */
export function ankiDeletions(text: string): AnkiDeletion[] {
	const found: AnkiDeletion[] = [];
	for (let at = 0; ;) {
		const open = text.indexOf('{{c', at);
		if (open < 0) return found;
		let i = open + 3;
		while (i < text.length && i - open < 7 && text[i]! >= '0' && text[i]! <= '9') i++;
		const digits = text.slice(open + 3, i);
		const close = text.indexOf('}}', i + 2);
		if (digits === '' || !text.startsWith('::', i) || close < 0) {
			at = open + 2;
			continue;
		}
		const inner = text.slice(i + 2, close);
		const hint = inner.indexOf('::');
		found.push({
			start: open,
			end: close + 2,
			ord: Number(digits),
			answer: hint < 0 ? inner : inner.slice(0, hint)
		});
		at = close + 2;
	}
}

export type ClozeCard = { ord: number; front: string } | { ord: number; problem: string };

/**
 * The Gapwise cloze fronts of an Anki cloze field, one per cloze number as Anki makes its
 * cards: that number's deletion becomes {{answer}} (its hint is dropped), the others their
 * text. A number that hides several gaps cannot be one Gapwise card, so it is a problem.
 */
export function clozeCards(text: string): ClozeCard[] {
	const deletions = ankiDeletions(text);
	const ords = [...new Set(deletions.map((d) => d.ord))].sort((a, b) => a - b);
	return ords.map((ord): ClozeCard => {
		const mine = deletions.filter((d) => d.ord === ord);
		if (mine.length > 1)
			return {
				ord,
				problem: `c${ord} hides ${mine.length} gaps; a Gapwise cloze card hides exactly one (number them c1, c2, …).`
			};
		if (mine[0]!.answer.trim() === '') return { ord, problem: `c${ord} hides nothing.` };
		let front = '';
		let last = 0;
		for (const d of deletions) {
			front += text.slice(last, d.start) + (d.ord === ord ? `{{${d.answer.trim()}}}` : d.answer);
			last = d.end;
		}
		return { ord, front: front + text.slice(last) };
	});
}

/** How many Gapwise deletions ({{answer}}, never empty) a front holds. */
export function clozeCount(text: string): number {
	let n = 0;
	for (let at = text.indexOf('{{'); at >= 0;) {
		const close = text.indexOf('}}', at + 3);
		if (close < 0) break;
		n += 1;
		at = text.indexOf('{{', close + 2);
	}
	return n;
}

/** A Gapwise cloze front in Anki's syntax, so an export re-imports as a cloze card. */
export function toAnkiCloze(front: string): string {
	const open = front.indexOf('{{');
	const close = open < 0 ? -1 : front.indexOf('}}', open + 3);
	if (close < 0) return front;
	return `${front.slice(0, open)}{{c1::${front.slice(open + 2, close)}}}${front.slice(close + 2)}`;
}
