// The per-string pipeline every text field goes through before any block-level step.
import { normalizeLineEndings, removeControlCharacters } from './control-chars';
import {
  composeUnicode,
  expandLigatures,
  normalizeSpaces,
  removeInvisibleCharacters,
  removeSoftHyphens,
} from './unicode';
import { collapseWhitespace } from './whitespace';

// Printable ASCII words separated by single spaces: nothing below could change it. Most spreadsheet
// cells ("4400", "2024-01-31", "Customer 12 Ltd.") take this path, which keeps a 500,000-cell sheet
// fast.
const ALREADY_CLEAN = /^[!-~]+(?: [!-~]+)*$/;

/**
 * Line endings, control characters, Unicode (NFC, ligatures, space variants, soft hyphens,
 * invisibles) and whitespace, in that order: soft hyphens need line breaks already normalized,
 * and whitespace is collapsed last so the characters the earlier steps remove leave no gaps.
 */
export function cleanText(text: string): string {
  if (ALREADY_CLEAN.test(text)) return text;
  let t = normalizeLineEndings(text);
  t = removeControlCharacters(t);
  t = removeSoftHyphens(t);
  t = removeInvisibleCharacters(t);
  t = normalizeSpaces(t);
  t = expandLigatures(t);
  t = composeUnicode(t);
  return collapseWhitespace(t);
}
