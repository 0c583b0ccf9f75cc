import { IMPORT_MAX_BYTES } from '$lib/core/cards';
import { isSkill, type ImportDefaults } from '$lib/server/cards';
import { decodeUtf8 } from '$lib/server/validation';

// Reads the import form: the text (pasted or uploaded) and the defaults for untagged lines.

export type ImportForm =
	| { ok: true; text: string; defaults: ImportDefaults; kept: KeptImportFields }
	| { ok: false; message: string; errors: Record<string, string>; kept: KeptImportFields };

export interface KeptImportFields {
	skillId: string;
	level: string;
}

export async function readImportForm(data: FormData): Promise<ImportForm> {
	const skillField = data.get('skillId');
	const levelField = data.get('level');
	const kept = {
		skillId: typeof skillField === 'string' ? skillField.slice(0, 100) : '',
		level: typeof levelField === 'string' && /^[1-4]$/.test(levelField) ? levelField : '1'
	};
	const fail = (message: string, errors: Record<string, string> = {}) =>
		({ ok: false, message, errors, kept }) as const;

	if (kept.skillId && !isSkill(kept.skillId)) {
		return fail('Please correct the marked fields.', { skillId: 'Unknown skill.' });
	}
	const file = data.get('file');
	let text: string;
	if (file instanceof File && file.size > 0) {
		if (file.size > IMPORT_MAX_BYTES) {
			return fail(
				`The file is ${(file.size / 1_000_000).toFixed(1)} MB; the limit is 1 MB. Split it into smaller files.`
			);
		}
		// Strict: a file in another encoding is refused, not imported with U+FFFD in its cards.
		const decoded = decodeUtf8(await file.arrayBuffer());
		if (decoded === null) {
			return fail('The file is not UTF-8 text: save or export it again as UTF-8.');
		}
		text = decoded;
	} else {
		const pasted = data.get('text');
		text = typeof pasted === 'string' ? pasted : '';
	}
	if (text.trim() === '') return fail('Paste the text or choose a file.');
	return {
		ok: true,
		text,
		defaults: { skillId: kept.skillId || undefined, level: Number(kept.level) },
		kept
	};
}
