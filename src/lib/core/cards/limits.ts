// Limits shared by the forms, the JSON API and the importer, so all three refuse the same things.

export const FRONT_MAX = 2_000;
export const BACK_MAX = 4_000;
export const TAG_MAX = 50;
export const TAGS_MAX = 20;
export const LEVEL_MIN = 1;
export const LEVEL_MAX = 4;

/** An import larger than this is refused before it is parsed (UTF-8 bytes). */
export const IMPORT_MAX_BYTES = 1_000_000;
/** At most this many notes (rows) per import; a note may span several lines. */
export const IMPORT_MAX_ROWS = 2_000;
