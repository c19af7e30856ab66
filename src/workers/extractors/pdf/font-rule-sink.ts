// A stand-in for the DOM document pdfjs loads fonts into, for documents that are never drawn.
// With `disableFontFace: true` (pdfjs's default in Node) pdfjs builds and posts every shown
// glyph's outline while it builds an operator list, so that a canvas could draw it: a text
// layer's list, read only for glyph counts, ruling lines and font names, paid ~5% of the
// extractor's CPU for outlines nobody draws. With font faces enabled the outlines are not
// built; pdfjs then hands each font to its FontLoader as an @font-face rule instead, which in
// Node (no document) would throw and fall back to building the outlines after all. This sink
// takes the rule and drops it: fonts still reach commonObjs, with their names and metrics.
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

const styleElement = {
  sheet: { cssRules: [] as string[], insertRule: (): number => 0 },
  remove: (): void => undefined,
};

/** What pdfjs's FontLoader touches of its document (insertRule, clear) when there is no Font Loading API. */
const sink = {
  createElement: () => styleElement,
  documentElement: { getElementsByTagName: () => [{ append: (): void => undefined }] },
};

/**
 * Options for a pdfjs document whose pages are read but never rendered: no glyph outlines are
 * built. Not for a document that a canvas draws (its text would come out in a fallback font).
 */
export const undrawnFontOptions: Pick<DocumentInitParameters, 'disableFontFace' | 'ownerDocument'> =
  {
    disableFontFace: false,
    // pdfjs types this as a DOM Document; it only calls the members above when the document has no
    // `fonts` (the Font Loading API), as here.
    ownerDocument: sink as unknown as DocumentInitParameters['ownerDocument'],
  };
