// An order-tolerant character error rate for OCR of multi-zone pages (columns, captions, page
// footers): tesseract may read zones in a different order than a human transcriber, which a
// plain edit distance over the whole page counts as hundreds of errors although every character
// was read right. Lines are matched one-to-one (best matches first, as in "flexible character
// accuracy", Clausner et al. 2020), and the edit distances of matched lines plus the lengths of
// unmatched ones are summed. Missing or invented text is still fully counted.
import { distance } from 'fastest-levenshtein';
import { textForCompare } from './text-compare';

/**
 * Folds transcription conventions of the UNLV/tesseract ground truth: `~` marks a character the
 * transcriber could not type, and letter-spaced headings ("d a t e l i n e") are one word.
 */
export function foldTranscription(line: string): string {
  return textForCompare(line.replace(/~/g, ''))
    .replace(/(?:^|(?<= ))(?:\S ){2,}\S(?= |$)/g, (run) => run.replace(/ /g, ''))
    .trim();
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map(foldTranscription)
    .filter((l) => l.length > 0);
}

export function lineOrderTolerantCer(expected: string, actual: string): number {
  const want = lines(expected);
  const have = lines(actual);
  const total = want.reduce((n, l) => n + l.length, 0);
  if (total === 0) return have.length === 0 ? 0 : 1;
  const pairs: { i: number; j: number; d: number; rel: number }[] = [];
  want.forEach((w, i) =>
    have.forEach((h, j) => {
      const d = distance(w, h);
      const rel = d / Math.max(w.length, h.length);
      if (rel < 0.5) pairs.push({ i, j, d, rel });
    }),
  );
  pairs.sort((a, b) => a.rel - b.rel);
  const usedW = new Set<number>();
  const usedH = new Set<number>();
  let errors = 0;
  for (const p of pairs) {
    if (usedW.has(p.i) || usedH.has(p.j)) continue;
    usedW.add(p.i);
    usedH.add(p.j);
    errors += p.d;
  }
  want.forEach((w, i) => (errors += usedW.has(i) ? 0 : w.length));
  have.forEach((h, j) => (errors += usedH.has(j) ? 0 : h.length));
  return errors / total;
}
