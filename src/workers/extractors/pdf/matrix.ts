// PDF transformation matrices [a, b, c, d, e, f] (PDF 32000-1 §8.3.4), as pdfjs hands them out
// in text items and operator lists.

export type Matrix = [number, number, number, number, number, number];

/** m1 × m2 as pdfjs's Util.transform computes it: a point goes through m2 first, then m1. */
export function multiply(m1: readonly number[], m2: readonly number[]): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}
