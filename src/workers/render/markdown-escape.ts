// Minimal Markdown escaping: only what would otherwise turn plain extracted text into formatting
// (a heading, a list, emphasis, a link, HTML). Text stays readable in the raw file: a lone `*`, an
// intraword `_` (snake_case) or `5 * 3` is left alone because it cannot start formatting.

/** Escapes the delimiters in `positions` of `text` when there are at least two of them. */
function escapePaired(text: string, positions: number[]): string {
  if (positions.length < 2) return text;
  let out = '';
  let last = 0;
  for (const p of positions) {
    out += text.slice(last, p) + '\\';
    last = p;
  }
  return out + text.slice(last);
}

const isSpace = (ch: string): boolean => ch === '' || /\s/.test(ch);
const isWordChar = (ch: string): boolean => /[\p{L}\p{N}]/u.test(ch);

/**
 * Positions of `*`, `_` or `~` that could open or close emphasis. Judged per delimiter run, as
 * CommonMark does: a run with whitespace on both sides (`5 * 3`) cannot, nor can an underscore run
 * inside a word (`snake_case`, `pdfplumber__report`), nor a single tilde.
 */
function flankingDelimiters(text: string, delimiter: '*' | '_' | '~'): number[] {
  const out: number[] = [];
  let i = text.indexOf(delimiter);
  while (i !== -1) {
    let end = i;
    while (text.charAt(end) === delimiter) end++;
    const before = text.charAt(i - 1);
    const after = text.charAt(end);
    const inert =
      (isSpace(before) && isSpace(after)) ||
      (delimiter === '_' && isWordChar(before) && isWordChar(after)) ||
      // Strikethrough needs `~~` in markdown-it (VS Code's preview): "~5 to ~10" stays as is.
      (delimiter === '~' && end - i < 2);
    if (!inert) for (let p = i; p < end; p++) out.push(p);
    i = text.indexOf(delimiter, end);
  }
  return out;
}

function escapeDelimiterRuns(text: string): string {
  let t = text;
  for (const d of ['*', '_', '~'] as const) {
    if (t.includes(d)) t = escapePaired(t, flankingDelimiters(t, d));
  }
  if (t.includes('`')) {
    const ticks: number[] = [];
    for (let i = t.indexOf('`'); i !== -1; i = t.indexOf('`', i + 1)) ticks.push(i);
    t = escapePaired(t, ticks);
  }
  return t;
}

// Characters any inline escape below reacts to; text without them is returned as is (most cells).
const INLINE_SPECIAL = /[\\*_~`<&\]]/;

/** Escapes inline syntax: emphasis and code delimiters, HTML tags, entities, link brackets. */
export function escapeInline(text: string): string {
  if (!INLINE_SPECIAL.test(text)) return text;
  let t = text.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\');
  t = escapeDelimiterRuns(t);
  return t
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/\](?=[([])/g, '\\]');
}

// Line starts that would become a block: ATX heading, block quote, bullet, ordered list item,
// thematic break, setext underline, code fence, link reference definition.
const BLOCK_START: ReadonlyArray<[RegExp, (m: string) => string]> = [
  [/^#{1,6}(?=\s|$)/, (m) => '\\' + m],
  [/^>/, () => '\\>'],
  [/^[-+*](?=\s|$)/, (m) => '\\' + m],
  [/^\d{1,9}[.)](?=\s|$)/, (m) => m.slice(0, -1) + '\\' + m.slice(-1)],
  [/^(?:[-*_=]\s*){3,}$/, (m) => '\\' + m],
  [/^(?:```|~~~)/, (m) => '\\' + m],
  [/^\[(?=[^\]]*\]:)/, () => '\\['],
];

/** Escapes a line's start where it would otherwise be read as a Markdown block. */
export function escapeLineStart(line: string): string {
  for (const [pattern, fix] of BLOCK_START) {
    const m = pattern.exec(line);
    if (m) return fix(m[0]) + line.slice(m[0].length);
  }
  return line;
}

/** One line of body text: inline escaping, then the line start. */
export function escapeTextLine(line: string): string {
  return escapeLineStart(escapeInline(line));
}

/** Escapes a table cell: inline syntax and pipes; line breaks become `<br>`. */
export function escapeTableCell(text: string): string {
  const t = escapeInline(text);
  if (!t.includes('|') && !t.includes('\n')) return t;
  return t.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, '<br>');
}

/** Heading text: like a line, and a trailing ` #` would be read as a closing sequence. */
export function escapeHeading(text: string): string {
  return escapeTextLine(text.replace(/\s*\n\s*/g, ' ')).replace(/(\s)(#+)$/, '$1\\$2');
}
