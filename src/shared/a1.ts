// A1 notation, Excel's cell references: a column is letters (A is column 1, Z 26, AA 27) and a
// row is a number from 1. Every part of Folio speaks of columns by 1-based number here, as
// Excel and the OOXML parts do, so no caller adds or subtracts one.

/** Letters of a 1-based column number: 1 → A, 26 → Z, 27 → AA, 16384 → XFD. */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of a cell reference (`B12` → 2, `AA1` → 27); 0 without leading capitals. */
export function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

/** 1-based number of the first column of an A1 range (`C5:F9` → 3), or undefined if malformed. */
export function firstColumnNumber(range: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})\$?\d*(?=:|$)/i.exec(range.trim());
  return m ? columnNumber(m[1]!.toUpperCase()) : undefined;
}

/** The range from 1-based row and column numbers: (1, 1, 20, 4) → `A1:D20`. */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}
