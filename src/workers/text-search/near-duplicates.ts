// Which files of a run are duplicates: the same bytes (sha256) as an earlier file, or nearly the
// same text (MinHash similarity at or above a threshold). Candidates come from LSH banding (files
// whose signatures agree on a whole band of rows), so a run of thousands of files is not compared
// pair by pair; each candidate pair is then checked on the full signature. Pure.
import { SIGNATURE_SIZE, similarity } from './minhash';

export interface SimilarityItem {
  path: string;
  sha256?: string;
  signature?: readonly number[];
}

export interface Relations {
  /** Path → the first file (in the given order) with the same sha256. */
  duplicateOf: Map<string, string>;
  /** Path → other files with similar text (not exact duplicates), most similar first. */
  nearDuplicates: Map<string, { path: string; similarity: number }[]>;
}

/**
 * Bands × rows = signature size. 32 bands of 4 rows make a pair with similarity 0.5 a candidate
 * with probability 1-(1-0.5⁴)³² ≈ 0.87 and one with 0.8 with ≈ 1.0, so any threshold from 0.5 up
 * loses almost nothing, while unrelated texts (similarity near 0) are almost never candidates.
 */
export const BANDS = 32;
const ROWS = SIGNATURE_SIZE / BANDS;

export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.8;

function candidatePairs(items: readonly SimilarityItem[]): Set<string> {
  const pairs = new Set<string>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    items.forEach((item, i) => {
      if (!item.signature) return;
      const key = item.signature.slice(band * ROWS, (band + 1) * ROWS).join(',');
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let a = 0; a < bucket.length; a++) {
        for (let b = a + 1; b < bucket.length; b++) pairs.add(`${bucket[a]},${bucket[b]}`);
      }
    }
  }
  return pairs;
}

/** `items` in walk order: the first file with given bytes is the original. */
export function findDuplicates(items: readonly SimilarityItem[], threshold: number): Relations {
  const duplicateOf = new Map<string, string>();
  const firstBySha = new Map<string, string>();
  for (const item of items) {
    if (!item.sha256) continue;
    const first = firstBySha.get(item.sha256);
    if (first === undefined) firstBySha.set(item.sha256, item.path);
    else duplicateOf.set(item.path, first);
  }
  const nearDuplicates = new Map<string, { path: string; similarity: number }[]>();
  if (threshold > 1) return { duplicateOf, nearDuplicates };
  const add = (from: SimilarityItem, to: SimilarityItem, value: number) => {
    const list = nearDuplicates.get(from.path) ?? [];
    list.push({ path: to.path, similarity: value });
    nearDuplicates.set(from.path, list);
  };
  for (const pair of candidatePairs(items)) {
    const [a, b] = pair
      .split(',')
      .map(Number)
      .map((i) => items[i]);
    if (a.sha256 !== undefined && a.sha256 === b.sha256) continue;
    const value = similarity(a.signature!, b.signature!);
    if (value < threshold) continue;
    const rounded = Math.round(value * 100) / 100;
    add(a, b, rounded);
    add(b, a, rounded);
  }
  for (const list of nearDuplicates.values()) {
    list.sort((x, y) => y.similarity - x.similarity || x.path.localeCompare(y.path));
  }
  return { duplicateOf, nearDuplicates };
}
