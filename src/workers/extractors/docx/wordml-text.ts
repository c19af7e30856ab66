// Small pieces of WordprocessingML written or read as text: a run holding a label, the visible
// text of a fragment, a date as a reviewer reads it. Shared by the review-mark, text-box and
// header/footer readers, which all work on part XML as strings (no DTD-aware parser).
import { decodeXmlEntities } from '../../zip/xml-text';

export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain run with this text, spaces kept: mammoth reads it like any other run. */
export function textRun(text: string): string {
  return `<w:r><w:t xml:space="preserve">${escapeXmlText(text)}</w:t></w:r>`;
}

/** A paragraph of one plain run. */
export function textParagraph(text: string): string {
  return `<w:p>${textRun(text)}</w:p>`;
}

/**
 * The text a reader sees in a fragment: `<w:t>` and deleted `<w:delText>` runs, tabs and breaks
 * as spaces, paragraphs apart by a space.
 */
export function visibleText(xml: string): string {
  let text = '';
  for (const m of xml.matchAll(
    /<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:\1>|<w:(?:tab|br|cr)\b[^>]*\/>|<\/w:p>/g,
  )) {
    text += m[2] !== undefined ? decodeXmlEntities(m[2]) : ' ';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** `2024-03-01T10:15:00Z` → `2024-03-01`; anything unparsable is kept as written. */
export function reviewDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? text;
}

/** " by Jane Doe, 2024-03-01" to follow a label word (either part may be missing, or both). */
export function byline(author: string | undefined, date: string | undefined): string {
  const who = author?.trim() ? ` by ${author.trim()}` : '';
  const when = reviewDate(date);
  return `${who}${when ? `, ${when}` : ''}`;
}

/** At most `max` characters of `text`, cut at a word and marked with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length > max / 2 ? atWord : cut).trimEnd()}…`;
}

export interface ElementSpan {
  /** The start tag, as written. */
  open: string;
  start: number;
  /** The content, between the start tag and the end tag. */
  inner: string;
  end: number;
}

/**
 * Each `<name …>…</name>` in order, an inner one of the same name not counted. Linear even in
 * malformed XML (a start tag without an end stops the walk): a lazy regular expression would
 * rescan the rest of a hostile part from every unclosed start tag.
 */
export function* elementSpans(xml: string, name: string): Generator<ElementSpan> {
  const open = new RegExp(`<${name}(?=[\\s/>])[^>]*>`, 'g');
  const close = `</${name}>`;
  for (let m = open.exec(xml); m !== null; m = open.exec(xml)) {
    if (m[0].endsWith('/>')) continue;
    const from = m.index + m[0].length;
    const to = xml.indexOf(close, from);
    if (to < 0) return;
    yield { open: m[0], start: m.index, inner: xml.slice(from, to), end: to + close.length };
    open.lastIndex = to + close.length;
  }
}
