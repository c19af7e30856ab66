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

const CHANGE_LABEL = {
  ins: 'Inserted',
  del: 'Deleted',
  moveFrom: 'Moved away',
  moveTo: 'Moved here',
} as const;

/** An open change mark and its content up to the matching close (same kinds never nest). */
const CHANGE_PAIR = /<w:(ins|del|moveFrom|moveTo)((?:\s[^>]*)?)(?<!\/)>([\s\S]*?)<\/w:\1>/g;
/** A deleted paragraph mark or table row: removed so mammoth keeps the paragraph or row. */
const DELETED_PROPERTY = /<w:(?:del|moveFrom)(?:\s[^>]*)?\/>/g;
/** The run holding a comment reference (innermost: a run inside a text box is a run too). */
const COMMENT_REFERENCE_RUN =
  /<w:r(?=[\s>])(?:(?!<\/w:r>|<w:r[\s>])[\s\S])*?<w:commentReference\b[^>]*\/>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;

function markLabel(kind: keyof typeof CHANGE_LABEL, attributes: string): string {
  const a = parseAttributes(attributes);
  return `[${CHANGE_LABEL[kind]}${byline(a['w:author'], a['w:date'])}: `;
}

/** Each insertion, deletion or move becomes `[Inserted by A, 2024-03-01: text]` in the text. */
export function markTrackedChanges(xml: string): string {
  const rewrite = (fragment: string): string =>
    fragment.replace(
      CHANGE_PAIR,
      (_whole, kind: keyof typeof CHANGE_LABEL, attrs: string, inner: string) => {
        const content = rewrite(inner);
        // A mark around nothing visible (a deleted picture's anchor, an empty run) says nothing.
        if (visibleText(inner) === '') return content;
        return `${textRun(markLabel(kind, attrs))}${content}${textRun(']')}`;
      },
    );
  return rewrite(xml.replace(DELETED_PROPERTY, ''))
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
      anchors.set(id, visibleText(xml.slice(starts.get(id), m.index)));
    }
  }
  return anchors;
}

export function commentLabel(comment: DocxComment, anchor: string | undefined): string {
  const on = anchor ? ` on “${shorten(anchor, ANCHOR_MAX_CHARS)}”` : '';
  return `[Comment${byline(comment.author, comment.date)}${on}]: ${comment.text}`.trimEnd();
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
  for (const m of marks) {
    const id = commentIdOf(m[0]);
    if (id === undefined || !comments.has(id) || placed.has(id)) continue;
    // The paragraph of the reference, where Word shows the mark; the range's end without one.
    if (m[1] === 'RangeEnd' && referenced.has(id)) continue;
    const end = xml.indexOf('</w:p>', m.index);
    if (end >= 0) placed.set(id, end + '</w:p>'.length);
  }
  const bodyEnd = xml.lastIndexOf('</w:body>');
  const inserts: Array<{ at: number; text: string }> = [];
  for (const [id, comment] of comments) {
    const at = placed.get(id) ?? (bodyEnd >= 0 ? bodyEnd : xml.length);
    inserts.push({ at, text: textParagraph(commentLabel(comment, anchors.get(id))) });
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
  return out.replace(COMMENT_REFERENCE_RUN, '');
}
