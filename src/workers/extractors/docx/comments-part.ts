// Reads word/comments.xml: who wrote each comment, when, and what it says; and, from
// word/commentsExtended.xml (Word 2013+), which comment answers which and which are resolved.
import { findStartTags, parseAttributes } from '../../zip/xml-text';
import { visibleText } from './wordml-text';

export interface DocxComment {
  id: string;
  author?: string;
  date?: string;
  text: string;
  /** The id of the comment this one replies to. */
  replyTo?: string;
  /** Marked done (resolved) in Word. */
  resolved?: boolean;
}

interface ParsedComment extends DocxComment {
  /** w14:paraId of the comment's last paragraph: how commentsExtended.xml names the comment. */
  paraId?: string;
}

function lastParagraphId(body: string): string | undefined {
  let id: string | undefined;
  for (const tag of findStartTags(body, 'p')) id = parseAttributes(tag)['w14:paraId'] ?? id;
  return id;
}

/**
 * Comments by `w:id`, in the order of the part. Empty comments are kept (the mark is evidence).
 * `extendedXml` is commentsExtended.xml, when the package has one.
 */
export function parseComments(xml: string, extendedXml = ''): Map<string, DocxComment> {
  const comments = new Map<string, ParsedComment>();
  for (const m of xml.matchAll(/<w:comment(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:comment>)/g)) {
    const attributes = parseAttributes(m[1] ?? '');
    const id = attributes['w:id'];
    if (id === undefined) continue;
    const comment: ParsedComment = { id, text: visibleText(m[2] ?? '') };
    const author = attributes['w:author']?.trim();
    if (author) comment.author = author;
    if (attributes['w:date']) comment.date = attributes['w:date'];
    const paraId = lastParagraphId(m[2] ?? '');
    if (paraId !== undefined) comment.paraId = paraId;
    comments.set(id, comment);
  }
  applyThreads(comments, extendedXml);
  for (const comment of comments.values()) delete comment.paraId;
  return comments;
}

function applyThreads(comments: Map<string, ParsedComment>, extendedXml: string): void {
  if (extendedXml === '') return;
  const byParaId = new Map<string, ParsedComment>();
  for (const comment of comments.values()) {
    if (comment.paraId !== undefined) byParaId.set(comment.paraId, comment);
  }
  for (const tag of findStartTags(extendedXml, 'commentEx')) {
    const a = parseAttributes(tag);
    const comment = byParaId.get(a['w15:paraId'] ?? '');
    if (comment === undefined) continue;
    const parent = byParaId.get(a['w15:paraIdParent'] ?? '');
    if (parent !== undefined && parent !== comment) comment.replyTo = parent.id;
    if (a['w15:done'] === '1' || a['w15:done'] === 'true') comment.resolved = true;
  }
}
