// Text boxes (w:txbxContent, in DrawingML shapes and in their VML fallback) float outside the
// flow of the page; mammoth reads their paragraphs in place, unmarked. A label on the first
// paragraph tells the reader why that text sits apart from what surrounds it.
import { textRun, visibleText } from './wordml-text';

export const TEXT_BOX_LABEL = '[Text box]: ';

const TEXT_BOX = /(<w:txbxContent\b[^>]*>)([\s\S]*?)(<\/w:txbxContent>)/g;
/** The first paragraph's start tag and its properties, after which a run may go. */
const FIRST_PARAGRAPH =
  /^([\s\S]*?<w:p(?:\s[^>]*)?(?<!\/)>(?:\s*<w:pPr\/>|\s*<w:pPr>[\s\S]*?<\/w:pPr>)?)/;

/** Prefixes each text box that holds text with `[Text box]: `; empty boxes are left alone. */
export function labelTextBoxes(xml: string): string {
  return xml.replace(TEXT_BOX, (whole, open: string, inner: string, close: string) => {
    if (visibleText(inner) === '') return whole;
    const first = FIRST_PARAGRAPH.exec(inner);
    if (first === null) return whole;
    const head = first[1] as string;
    return `${open}${head}${textRun(TEXT_BOX_LABEL)}${inner.slice(head.length)}${close}`;
  });
}
