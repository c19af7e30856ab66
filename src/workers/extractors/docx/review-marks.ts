// Makes a reviewer's marks visible in document.xml before mammoth reads it. mammoth accepts
// insertions silently and drops deletions while reading (w:del never reaches its document tree,
// so a transformDocument hook cannot see it), and it knows nothing of comment ranges or dates.
// Rewriting the marks as ordinary labelled runs and paragraphs keeps one reader of the body:
// the marks land exactly where they are, inside tables, lists and text boxes too.
import type { DocxComment } from './comments-part';
import { parseAttributes } from '../../zip/xml-text';
import { byline, shorten, textParagraph, textRun, visibleText } from './wordml-text';

/** Longest anchored text quoted in a comment's label. */
const ANCHOR_MAX_CHARS = 80;
/**
 * XML read after a range's start for its quote: ample for 80 characters of text, and it bounds
 * the work when thousands of comments span the same long stretch.
 */
const ANCHOR_WINDOW_CHARS = 16 * 1024;

const CHANGE_LABEL = {
  ins: 'Inserted',
  del: 'Deleted',
  moveFrom: 'Moved away',
  moveTo: 'Moved here',
} as const;

/**
 * A change mark's start, end or empty tag, or a run's text (which tells whether a mark holds
 * anything visible). One linear pass over the part; marks of different kinds nest.
 */
const CHANGE_TOKEN =
  /<(\/?)w:(ins|del|moveFrom|moveTo)((?:\s[^>]*)?\/?)>|<w:(?:t|delText)(?:\s[^>]*)?>[^<]+<\/w:(?:t|delText)>/g;
/** The run holding a comment reference (innermost: a run inside a text box is a run too). */
const COMMENT_REFERENCE_RUN =
  /<w:r(?=[\s>])(?:(?!<\/w:r>|<w:r[\s>])[\s\S])*?<w:commentReference\b[^>]*\/>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;

type ChangeKind = keyof typeof CHANGE_LABEL;

function markLabel(kind: ChangeKind, attributes: string): string {
  const a = parseAttributes(attributes);
  return `[${CHANGE_LABEL[kind]}${byline(a['w:author'], a['w:date'])}: `;
}

/**
 * Each insertion, deletion or move becomes `[Inserted by A, 2024-03-01: text]` in the text. A
 * deleted paragraph mark or table row (an empty w:del in properties) is removed, so mammoth
 * keeps the paragraph or row; a mark around nothing visible (a deleted picture's anchor) says
 * nothing. Unbalanced marks in a damaged part are left as written.
 */
export function markTrackedChanges(xml: string): string {
  const pieces: string[] = [];
  const open: Array<{ kind: ChangeKind; attributes: string; piece: number; texts: number }> = [];
  let texts = 0;
  let from = 0;
  for (const m of xml.matchAll(CHANGE_TOKEN)) {
    const kind = m[2] as ChangeKind | undefined;
    if (kind === undefined) {
      texts++;
      continue;
    }
    pieces.push(xml.slice(from, m.index));
    from = m.index + m[0].length;
    const attributes = m[3] ?? '';
    if (attributes.endsWith('/')) {
      pieces.push(kind === 'del' || kind === 'moveFrom' ? '' : m[0]);
    } else if (m[1] === '') {
      open.push({ kind, attributes, piece: pieces.length, texts });
      pieces.push(m[0]);
    } else if (open.at(-1)?.kind === kind) {
      const mark = open.pop() as (typeof open)[number];
      const visible = texts > mark.texts;
      pieces[mark.piece] = visible ? textRun(markLabel(kind, mark.attributes)) : '';
      pieces.push(visible ? textRun(']') : '');
    } else {
      pieces.push(m[0]);
    }
  }
  pieces.push(xml.slice(from));
  return pieces
    .join('')
    .replace(/<(\/?)w:delText\b/g, '<$1w:t')
    .replace(/<(\/?)w:delInstrText\b/g, '<$1w:instrText');
}

function commentIdOf(tag: string): string | undefined {
  return parseAttributes(tag)['w:id'];
}

/** The text each comment's range covers, by comment id. */
export function commentAnchors(xml: string): Map<string, string> {
  const starts = new Map<string, number>();
  const anchors = new Map<string, string>();
  for (const m of xml.matchAll(/<w:commentRange(Start|End)\b[^>]*>/g)) {
    const id = commentIdOf(m[0]);
    if (id === undefined) continue;
    if (m[1] === 'Start') starts.set(id, m.index + m[0].length);
    else if (starts.has(id) && !anchors.has(id)) {
      const start = starts.get(id) as number;
      const cut = m.index - start > ANCHOR_WINDOW_CHARS;
      const text = visibleText(xml.slice(start, cut ? start + ANCHOR_WINDOW_CHARS : m.index));
      anchors.set(id, cut ? `${text}…` : text);
    }
  }
  return anchors;
}

/**
 * `[Comment by A, 2024-03-01 on “anchored text”]: text`; a reply says whom it answers instead of
 * quoting the same anchor again (`[Reply by B, 2024-03-02 to A]: text`); a comment marked done
 * in Word says `resolved`.
 */
export function commentLabel(
  comment: DocxComment,
  anchor: string | undefined,
  parent?: DocxComment,
): string {
  const by = byline(comment.author, comment.date);
  const on = anchor ? ` on “${shorten(anchor, ANCHOR_MAX_CHARS)}”` : '';
  const head = parent
    ? `Reply${by}${parent.author ? ` to ${parent.author}` : ''}`
    : `Comment${by}${on}`;
  const resolved = comment.resolved ? ', resolved' : '';
  return `[${head}${resolved}]: ${comment.text}`.trimEnd();
}

/**
 * Each comment becomes a paragraph right after the paragraph that holds its reference (or the
 * end of its range): `[Comment by Jane Doe, 2024-03-01 on “anchored text”]: text`. Comments no
 * paragraph refers to (made in a header, say) close the body. The reference runs are removed.
 */
export function placeComments(xml: string, comments: ReadonlyMap<string, DocxComment>): string {
  if (comments.size === 0) return xml;
  const anchors = commentAnchors(xml);
  const marks = [...xml.matchAll(/<w:comment(Reference|RangeEnd)\b[^>]*>/g)];
  const referenced = new Set(
    marks.filter((m) => m[1] === 'Reference').map((m) => commentIdOf(m[0])),
  );
  const placed = new Map<string, number>(); // comment id → offset where its paragraph goes
  // The end of the paragraph holding the current mark; marks come in order, so the search only
  // moves forward (Infinity: no paragraph ends after this point).
  let paragraphEnd = -1;
  for (const m of marks) {
    const id = commentIdOf(m[0]);
    if (id === undefined || !comments.has(id) || placed.has(id)) continue;
    // The paragraph of the reference, where Word shows the mark; the range's end without one.
    if (m[1] === 'RangeEnd' && referenced.has(id)) continue;
    if (paragraphEnd < m.index) {
      const found = xml.indexOf('</w:p>', m.index);
      paragraphEnd = found < 0 ? Infinity : found;
    }
    if (paragraphEnd !== Infinity) placed.set(id, paragraphEnd + '</w:p>'.length);
  }
  const bodyEnd = xml.lastIndexOf('</w:body>');
  const inserts: Array<{ at: number; text: string }> = [];
  for (const [id, comment] of comments) {
    const at = placed.get(id) ?? (bodyEnd >= 0 ? bodyEnd : xml.length);
    const parent = comment.replyTo === undefined ? undefined : comments.get(comment.replyTo);
    inserts.push({ at, text: textParagraph(commentLabel(comment, anchors.get(id), parent)) });
  }
  // Stable by offset: comments at one place keep the part's order.
  inserts.sort((a, b) => a.at - b.at);
  let out = '';
  let from = 0;
  for (const { at, text } of inserts) {
    out += xml.slice(from, at) + text;
    from = at;
  }
  out += xml.slice(from);
  return removeCommentReferences(out);
}

/** The comment reference runs: a comment's place in the text, and nothing a reader sees. */
export function removeCommentReferences(xml: string): string {
  return xml.replace(COMMENT_REFERENCE_RUN, '');
}
