// Bag-of-words recall and precision as ../shared/tools/score.mjs computes them (same
// normalization), for benchmarks that score texts directly rather than a run report.

/** score.mjs's normalization: Markdown marks and comments out, lower case, NFKC, one space. */
export function normalizeForScore(text: string): string[] {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/[|#*_`>]+/g, ' ')
    .replace(/^-{3,}$/gm, ' ')
    .replace(/:?-{3,}:?/g, ' ')
    .toLowerCase()
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

export interface WordScore {
  recall: number;
  precision: number;
}

/** Share of the truth's words found in the output, and of the output's words in the truth. */
export function bagOfWords(output: string[], truth: string[]): WordScore {
  const left = new Map<string, number>();
  for (const w of truth) left.set(w, (left.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of output) {
    const c = left.get(w);
    if (c) {
      hit++;
      left.set(w, c - 1);
    }
  }
  return {
    recall: truth.length ? hit / truth.length : 1,
    precision: output.length ? hit / output.length : truth.length ? 0 : 1,
  };
}
