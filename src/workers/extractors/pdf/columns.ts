// Reading order across columns. A column gutter is a vertical strip that (almost) no line
// fragment crosses, with prose-like text on both sides. Fragments that do cross it (a title, a
// full-width figure caption, a footer) cut the page into regions; each region is read left
// column first, then right (right first on right-to-left pages). Sides are searched again for a
// further gutter, so three- and four-column pages work too.

export interface Box {
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface Gutter {
  x0: number;
  x1: number;
}

/** Gutters are searched away from the text's outer edges. */
const EDGE_SHARE = 0.1;
/** At most this share of fragments may cross a gutter (titles, captions, footers). */
const MAX_CROSSING_SHARE = 0.25;
/** Extra crossings tolerated along a gutter, as a share of all fragments. */
const CROSSING_SLACK_SHARE = 0.03;
/** Each side needs this many fragments. */
const MIN_SIDE_FRAGMENTS = 3;
/** Prose columns are wide: a side's median line is at least this many em wide... */
const MIN_COLUMN_EM = 6;
/**
 * ...and its longer lines (this percentile) fill most of the side's width: prose wraps at the
 * column edge, while a table column's cells mostly stop short of the next column.
 */
const FULL_LINE_PERCENTILE = 0.8;
const MIN_FILL_SHARE = 0.6;
const MAX_DEPTH = 2;

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function crosses(box: Box, gutter: Gutter): boolean {
  return box.x0 < gutter.x1 && box.x1 > gutter.x0;
}

/**
 * Inked width of each of a side's lines: the summed widths of its fragments that share a
 * baseline. A justified prose line split at wide sentence gaps still sums to nearly the column
 * width; a table row's cells leave most of it blank.
 */
function lineWidths(side: readonly Box[]): number[] {
  const sorted = [...side].sort((a, b) => a.y - b.y);
  const widths: number[] = [];
  let i = 0;
  while (i < sorted.length) {
    const anchor = sorted[i];
    let inked = anchor.x1 - anchor.x0;
    let j = i + 1;
    while (j < sorted.length && sorted[j].y - anchor.y <= 0.45 * anchor.size) {
      inked += sorted[j].x1 - sorted[j].x0;
      j++;
    }
    widths.push(inked);
    i = j;
  }
  return widths;
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

function proseLike(side: readonly Box[], left: number, right: number, em: number): boolean {
  if (side.length < MIN_SIDE_FRAGMENTS) return false;
  const widths = lineWidths(side);
  return (
    median(widths) >= MIN_COLUMN_EM * em &&
    percentile(widths, FULL_LINE_PERCENTILE) >= MIN_FILL_SHARE * (right - left)
  );
}

/** The widest run of bins in [from, to) whose crossing count is the least in that range. */
function leastCrossedRun(
  crossing: Int32Array,
  from: number,
  to: number,
  xmin: number,
  binSize: number,
): Gutter {
  let least = Infinity;
  for (let i = from; i < to; i++) least = Math.min(least, crossing[i]);
  let best = { i: from, j: from };
  for (let i = from; i < to;) {
    if (crossing[i] !== least) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && crossing[j] === least) j++;
    if (j - i > best.j - best.i) best = { i, j };
    i = j;
  }
  return { x0: xmin + best.i * binSize, x1: xmin + best.j * binSize };
}

/** Finds the widest least-crossed vertical strip that separates two prose columns, if any. */
export function findGutter(boxes: readonly Box[]): Gutter | null {
  if (boxes.length < 2 * MIN_SIDE_FRAGMENTS) return null;
  let xmin = Infinity;
  let xmax = -Infinity;
  for (const b of boxes) {
    xmin = Math.min(xmin, b.x0);
    xmax = Math.max(xmax, b.x1);
  }
  const width = xmax - xmin;
  const em = median(boxes.map((b) => b.size)) || 10;
  if (!(width > 4 * em)) return null;
  const binSize = Math.max(1, width / 2000);
  const bins = Math.ceil(width / binSize) + 1;
  const diff = new Int32Array(bins + 1);
  for (const b of boxes) {
    const from = Math.max(0, Math.floor((b.x0 - xmin) / binSize));
    const to = Math.min(bins, Math.ceil((b.x1 - xmin) / binSize));
    if (to > from) {
      diff[from]++;
      diff[to]--;
    }
  }
  const crossing = new Int32Array(bins);
  let running = 0;
  for (let i = 0; i < bins; i++) {
    running += diff[i];
    crossing[i] = running;
  }
  const lo = Math.floor((EDGE_SHARE * width) / binSize);
  const hi = Math.ceil(((1 - EDGE_SHARE) * width) / binSize);
  let least = Infinity;
  for (let i = lo; i < hi; i++) least = Math.min(least, crossing[i]);
  if (least > MAX_CROSSING_SHARE * boxes.length) return null;

  // Try the least-crossed strips, widest first, until one has prose on both sides. A little
  // slack keeps a centred page number or short title from cutting a gutter in two; sides are
  // then split at the strip's core (its least-crossed part), so ragged line ends that reach
  // into the slack still count to their column.
  const limit = least + Math.max(1, Math.round(CROSSING_SLACK_SHARE * boxes.length));
  const strips: Array<{ width: number; core: Gutter }> = [];
  for (let i = lo; i < hi;) {
    if (crossing[i] > limit) {
      i++;
      continue;
    }
    let j = i;
    while (j < hi && crossing[j] <= limit) j++;
    strips.push({ width: (j - i) * binSize, core: leastCrossedRun(crossing, i, j, xmin, binSize) });
    i = j;
  }
  strips.sort((a, b) => b.width - a.width);
  for (const { width: stripWidth, core } of strips) {
    if (stripWidth < Math.max(0.5 * em, 2)) break;
    const left = boxes.filter((b) => b.x1 <= core.x0);
    const right = boxes.filter((b) => b.x0 >= core.x1);
    if (left.length + right.length < (1 - MAX_CROSSING_SHARE) * boxes.length) continue;
    if (!proseLike(left, xmin, core.x0, em) || !proseLike(right, core.x1, xmax, em)) continue;
    return core;
  }
  return null;
}

/**
 * Splits boxes into flows in reading order: each flow is read top to bottom on its own.
 * Without a gutter the whole set is one flow.
 */
export function readingFlows<T extends Box>(boxes: readonly T[], rtl = false, depth = 0): T[][] {
  const byY = [...boxes].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const gutter = depth < MAX_DEPTH ? findGutter(byY) : null;
  if (!gutter) return byY.length > 0 ? [byY] : [];

  const flows: T[][] = [];
  let left: T[] = [];
  let right: T[] = [];
  let spanning: T[] = [];
  const flushColumns = () => {
    const first = rtl ? right : left;
    const second = rtl ? left : right;
    for (const side of [first, second]) {
      if (side.length > 0) flows.push(...readingFlows(side, rtl, depth + 1));
    }
    left = [];
    right = [];
  };
  for (const box of byY) {
    if (crosses(box, gutter)) {
      flushColumns();
      spanning.push(box);
      continue;
    }
    if (spanning.length > 0) {
      flows.push(spanning);
      spanning = [];
    }
    if (box.x1 <= gutter.x0) left.push(box);
    else right.push(box);
  }
  flushColumns();
  if (spanning.length > 0) flows.push(spanning);
  return flows;
}
