// A recognised word as the source panel draws it: its text, tesseract's confidence and its box
// as fractions (0..1) of the original page image's width and height, so the same box fits the
// page rendered at any resolution.

/** `[x0, y0, x1, y1]`, top-left origin, each 0..1 of the page's width or height. */
export type WordBox = [number, number, number, number];

export interface OcrWord {
  text: string;
  /** 0–100. */
  confidence: number;
  box: WordBox;
}
