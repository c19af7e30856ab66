// Table-cell accuracy against exact ground truth: the share of the truth's printed (non-empty)
// cells whose text the extraction has at the same row and column of the table found on the
// same page; and the cells it invented (text where the truth has none, or beyond its grid).
// Each truth table is scored against the page's table that matches it best. Pure.

export interface CellScore {
  /** Non-empty truth cells. */
  cells: number;
  /** Of those, matched exactly (whitespace folded) at their row and column. */
  matched: number;
  /** Extracted non-empty cells where the truth's cell is empty or absent. */
  invented: number;
}

const fold = (t: string): string => t.replace(/\s+/g, ' ').trim();

export function scoreTable(truth: readonly string[][], found: readonly string[][]): CellScore {
  let cells = 0;
  let matched = 0;
  let invented = 0;
  truth.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (fold(cell) === '') return;
      cells++;
      if (fold(found[r]?.[c] ?? '') === fold(cell)) matched++;
    }),
  );
  found.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (fold(cell) !== '' && fold(truth[r]?.[c] ?? '') === '') invented++;
    }),
  );
  return { cells, matched, invented };
}

export interface TruthTable {
  page: number;
  rows: string[][];
}

export interface FoundTable {
  page: number;
  rows: string[][];
}

/** Sums, over the truth tables, each one's score against its best match on its page. */
export function scoreTables(truth: readonly TruthTable[], found: readonly FoundTable[]): CellScore {
  const total: CellScore = { cells: 0, matched: 0, invented: 0 };
  for (const t of truth) {
    const candidates = found
      .filter((f) => f.page === t.page)
      .map((f) => scoreTable(t.rows, f.rows));
    const empty = scoreTable(t.rows, []);
    const best = candidates.reduce(
      (a, b) =>
        b.matched > a.matched || (b.matched === a.matched && b.invented < a.invented) ? b : a,
      empty,
    );
    total.cells += best.cells;
    total.matched += best.matched;
    total.invented += best.invented;
  }
  return total;
}

export const cellAccuracy = (s: CellScore): number => (s.cells === 0 ? 1 : s.matched / s.cells);
