// Unicode clean-up that is safe for review text. NFKC is deliberately NOT applied wholesale: it
// would turn `²` into `2`, `½` into `1⁄2`, `™` into `TM` and fullwidth CJK punctuation into ASCII,
// changing meaning. Only characters that are clearly artefacts of typesetting are mapped.

/** Canonical composition (NFC): `e` + combining acute becomes `é`, so equal text compares equal. */
export function composeUnicode(text: string): string {
  return text.normalize('NFC');
}

// Latin typographic ligatures (U+FB00–U+FB06) that PDF fonts emit as single glyphs.
const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** Expands the Latin ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ into their letters. */
export function expandLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ch) => LIGATURES[ch] ?? ch);
}

// No-break space, en/em/thin/hair spaces (U+2000–U+200A), narrow no-break, medium mathematical.
// The ideographic space U+3000 is kept: it is ordinary spacing in CJK text.
const SPACE_VARIANTS = /[\u00A0\u2000-\u200A\u202F\u205F]/g;

/** Maps the typographic space variants to a plain space. */
export function normalizeSpaces(text: string): string {
  return text.replace(SPACE_VARIANTS, ' ');
}

/**
 * Removes soft hyphens. A soft hyphen right before a line break marks a word the typesetter broke
 * there, so the break goes too: `docu\u00AD\nment` becomes `document`.
 */
export function removeSoftHyphens(text: string): string {
  return text.replace(/\u00AD[ \t]*\n[ \t]*/g, '').replace(/\u00AD/g, '');
}

// Zero-width space, word joiner, byte-order mark / zero-width no-break space. ZWJ and ZWNJ
// (U+200C/U+200D) are kept: they change shaping in Persian, Indic scripts and emoji. Bidi marks are
// kept too: right-to-left text depends on them.
const INVISIBLES = /[\u200B\u2060\uFEFF]/g;

/** Removes invisible characters that only break search and comparison. */
export function removeInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLES, '');
}
