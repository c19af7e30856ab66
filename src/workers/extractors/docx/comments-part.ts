// Reads word/comments.xml: who wrote each comment, when, and what it says.
import { parseAttributes } from '../../zip/xml-text';
import { visibleText } from './wordml-text';

export interface DocxComment {
  id: string;
  author?: string;
  date?: string;
  text: string;
}

/** Comments by `w:id`, in the order of the part. Empty comments are kept (the mark is evidence). */
export function parseComments(xml: string): Map<string, DocxComment> {
  const comments = new Map<string, DocxComment>();
  for (const m of xml.matchAll(/<w:comment(\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:comment>)/g)) {
    const attributes = parseAttributes(m[1] ?? '');
    const id = attributes['w:id'];
    if (id === undefined) continue;
    const comment: DocxComment = { id, text: visibleText(m[2] ?? '') };
    const author = attributes['w:author']?.trim();
    if (author) comment.author = author;
    if (attributes['w:date']) comment.date = attributes['w:date'];
    comments.set(id, comment);
  }
  return comments;
}
