// Heading levels for a whole document, by rank of style: each distinct size that recurs is a
// level, largest first, a bold heading below a regular one of the same size, at most
// MAX_HEADING_LEVEL levels so a deep outline stays readable. A style used once (a cover's display
// lines, a chapter title, one bold label) takes the level of the recurring style nearest in size,
// so it cannot push every section heading down; one clearly above them all (a document title) is
// level 1 above them. A page sees only its own headings: the ranks are taken once it is read.
import type { HeadingStyle } from './paragraphs';

export const MAX_HEADING_LEVEL = 4;
/** Sizes closer than this share are one style (rounding, a scaled copy of the same font). */
const SAME_SIZE_SHARE = 0.04;
/** A single style this much larger than every recurring one is a title above them. */
const TITLE_RATIO = 1.15;

type Level = 1 | 2 | 3 | 4;

interface Cluster {
  size: number;
  bold: boolean;
  count: number;
  level: number;
}

function sameStyle(a: HeadingStyle, b: HeadingStyle): boolean {
  return a.bold === b.bold && a.size - b.size <= SAME_SIZE_SHARE * a.size;
}

/** Each style's level, in the order given. */
export function headingLevels(styles: readonly HeadingStyle[]): Level[] {
  const sorted = [...styles].sort((a, b) => b.size - a.size || Number(b.bold) - Number(a.bold));
  const clusterOf = new Map<HeadingStyle, Cluster>();
  const clusters: Cluster[] = [];
  for (const style of sorted) {
    let cluster = clusters[clusters.length - 1];
    if (!cluster || !sameStyle(cluster, style)) {
      cluster = { size: style.size, bold: style.bold, count: 0, level: 0 };
      clusters.push(cluster);
    }
    cluster.count++;
    clusterOf.set(style, cluster);
  }
  let recurring = clusters.filter((c) => c.count > 1);
  if (recurring.length === 0) recurring = clusters;
  const titled = clusters.some((c) => c.size > TITLE_RATIO * recurring[0].size);
  const offset = titled && recurring.length < MAX_HEADING_LEVEL ? 1 : 0;
  recurring.forEach((c, i) => (c.level = Math.min(MAX_HEADING_LEVEL, i + 1 + offset)));
  for (const c of clusters) {
    if (c.level > 0) continue;
    if (c.size > TITLE_RATIO * recurring[0].size) {
      c.level = 1;
      continue;
    }
    let nearest = recurring[0];
    for (const r of recurring) {
      if (Math.abs(Math.log(r.size / c.size)) < Math.abs(Math.log(nearest.size / c.size)))
        nearest = r;
    }
    c.level = nearest.level;
  }
  return styles.map((s) => (clusterOf.get(s)?.level ?? 1) as Level);
}
