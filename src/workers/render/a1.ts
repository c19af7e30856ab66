// A1 notation helpers for spreadsheet ranges.

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 0-based index of the first column of an A1 range (`C5:F9` → 2), or undefined if malformed. */
export function firstColumnIndex(range: string): number | undefined {
  const m = /^\$?([A-Z]{1,3})\$?\d*(?=:|$)/i.exec(range.trim());
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1]!.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
