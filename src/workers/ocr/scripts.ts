// Which writing systems the installed OCR languages can read, and which one a text (a PDF's
// text layer) or a page (tesseract's orientation-and-script detection) is written in. An OCR
// model reads only its own script: the English model turns Chinese or Hebrew into confident-
// looking junk, so a page in a script no installed language covers must not be "improved" by
// OCR, nor retried over and over.

/** Unicode script names (as in `\p{Script=…}`) that the checks below distinguish. */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
  'Ethiopic',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
] as const;

export type Script = (typeof SCRIPTS)[number];

const SCRIPT_PATTERNS: ReadonlyArray<[Script, RegExp]> = SCRIPTS.map((s) => [
  s,
  new RegExp(`\\p{Script=${s}}`, 'u'),
]);

/** Tesseract language codes whose script is not Latin. Every other code is read as Latin. */
const LANGUAGE_SCRIPTS: Record<string, readonly Script[]> = {
  rus: ['Cyrillic'],
  ukr: ['Cyrillic'],
  bel: ['Cyrillic'],
  bul: ['Cyrillic'],
  mkd: ['Cyrillic'],
  srp: ['Cyrillic'],
  kaz: ['Cyrillic'],
  kir: ['Cyrillic'],
  tgk: ['Cyrillic'],
  tat: ['Cyrillic'],
  mon: ['Cyrillic'],
  ell: ['Greek'],
  grc: ['Greek'],
  hye: ['Armenian'],
  kat: ['Georgian'],
  kat_old: ['Georgian'],
  heb: ['Hebrew'],
  yid: ['Hebrew'],
  ara: ['Arabic'],
  fas: ['Arabic'],
  urd: ['Arabic'],
  pus: ['Arabic'],
  uig: ['Arabic'],
  snd: ['Arabic'],
  syr: ['Syriac'],
  div: ['Thaana'],
  hin: ['Devanagari'],
  mar: ['Devanagari'],
  nep: ['Devanagari'],
  san: ['Devanagari'],
  ben: ['Bengali'],
  asm: ['Bengali'],
  pan: ['Gurmukhi'],
  guj: ['Gujarati'],
  ori: ['Oriya'],
  tam: ['Tamil'],
  tel: ['Telugu'],
  kan: ['Kannada'],
  mal: ['Malayalam'],
  sin: ['Sinhala'],
  tha: ['Thai'],
  lao: ['Lao'],
  bod: ['Tibetan'],
  dzo: ['Tibetan'],
  mya: ['Myanmar'],
  khm: ['Khmer'],
  amh: ['Ethiopic'],
  tir: ['Ethiopic'],
  chi_sim: ['Han'],
  chi_tra: ['Han'],
  chi_sim_vert: ['Han'],
  chi_tra_vert: ['Han'],
  jpn: ['Han', 'Hiragana', 'Katakana'],
  jpn_vert: ['Han', 'Hiragana', 'Katakana'],
  kor: ['Hangul', 'Han'],
  kor_vert: ['Hangul', 'Han'],
};

/** The scripts a set of tesseract language codes reads (`srp_latn`, `uzb_cyrl` by suffix). */
export function scriptsOfLanguages(codes: readonly string[]): Set<Script> {
  const scripts = new Set<Script>();
  for (const code of codes.length > 0 ? codes : ['eng']) {
    if (code === 'osd' || code === 'equ') continue;
    if (code.endsWith('_cyrl')) scripts.add('Cyrillic');
    else if (code.endsWith('_latn')) scripts.add('Latin');
    else for (const s of LANGUAGE_SCRIPTS[code] ?? ['Latin']) scripts.add(s);
  }
  return scripts;
}

export interface ScriptShare {
  script: Script;
  /** Letters of that script. */
  letters: number;
  /** Letters of any script (digits, punctuation and symbols are not counted). */
  total: number;
}

/** The script most of a text's letters are written in, or undefined for a text without letters. */
export function dominantScript(text: string): ScriptShare | undefined {
  const counts = new Map<Script, number>();
  let total = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Fast path for ASCII, the bulk of most text layers.
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) {
        counts.set('Latin', (counts.get('Latin') ?? 0) + 1);
        total++;
      }
      continue;
    }
    if (!/\p{L}/u.test(ch)) continue;
    total++;
    const match = SCRIPT_PATTERNS.find(([, re]) => re.test(ch));
    if (match) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  let best: ScriptShare | undefined;
  for (const [script, letters] of counts) {
    if (!best || letters > best.letters) best = { script, letters, total };
  }
  return best;
}

/**
 * Tesseract OSD's script names mapped onto Unicode ones. "Japanese" and "Korean" are how OSD
 * reports Han mixed with kana or Hangul; "Fraktur" is a Latin typeface. Names not listed
 * ("Common", or none) say nothing about the script.
 */
const OSD_SCRIPTS: Record<string, Script> = {
  Fraktur: 'Latin',
  Japanese: 'Hiragana',
  Korean: 'Hangul',
  HanS: 'Han',
  HanT: 'Han',
};

/** The Unicode script of an OSD script name, or undefined when the name tells nothing. */
export function scriptOfOsdName(name: string | null | undefined): Script | undefined {
  if (!name) return undefined;
  return OSD_SCRIPTS[name] ?? SCRIPTS.find((s) => s === name);
}

/** The `@tesseract.js-data` package a reviewer would add to read a script (for messages). */
export function languageForScript(script: Script): string | undefined {
  return Object.keys(LANGUAGE_SCRIPTS).find((code) => LANGUAGE_SCRIPTS[code].includes(script));
}
