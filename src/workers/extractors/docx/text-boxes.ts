// Text boxes (w:txbxContent, in DrawingML shapes and in their VML fallback) float outside the
// flow of the page; mammoth reads their paragraphs in place, unmarked. A label on the first
// paragraph tells the reader why that text sits apart from what surrounds it.
import { elementSpans, textRun, visibleText } from './wordml-text';

export const TEXT_BOX_LABEL = '[Text box]: ';

/** The first paragraph's start tag and its properties, after which a run may go. */
const FIRST_PARAGRAPH =
  /^([\s\S]*?<w:p(?:\s[^>]*)?(?<!\/)>(?:\s*<w:pPr\/>|\s*<w:pPr>[\s\S]*?<\/w:pPr>)?)/;

/** Prefixes each text box that holds text with `[Text box]: `; empty boxes are left alone. */
export function labelTextBoxes(xml: string): string {
  let out = '';
  let from = 0;
  for (const box of elementSpans(xml, 'w:txbxContent')) {
    const first = visibleText(box.inner) === '' ? null : FIRST_PARAGRAPH.exec(box.inner);
    if (first === null) continue;
    const head = first[1] as string;
    const at = box.start + box.open.length + head.length;
    out += xml.slice(from, at) + textRun(TEXT_BOX_LABEL);
    from = at;
  }
  return out + xml.slice(from);
}
