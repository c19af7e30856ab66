// MinHash signatures of a text's word shingles: two texts' signatures agree in about the share of
// positions that their shingle sets overlap (Jaccard similarity), so near-duplicates (a rescan of
// a signed copy, a version with a changed line) are found without comparing whole texts. Written
// here rather than taken from npm: `minhash` (0.0.9) is unmaintained and has no banding, and
// `bloom-filters` brings a dozen dependencies for one 60-line function.
import { textTokens } from './tokenize';

/** Hash functions per signature: the similarity estimate's standard error is about 1/√128 ≈ 0.09. */
export const SIGNATURE_SIZE = 128;
/** Words per shingle: 3 tolerates an OCR error costing only the 3 shingles around it. */
export const SHINGLE_WORDS = 3;
/** Texts with fewer shingles than this have no signature: a few words are no evidence. */
export const MIN_SHINGLES = 5;

/** FNV-1a over a string's UTF-16 units. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finalizer: spreads a 32-bit value over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds, one per hash function: signatures from any run compare. */
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** The hashes of the text's distinct word shingles. */
export function shingleHashes(text: string): Set<number> {
  const words = textTokens(text).flatMap((t) => t.parts);
  const hashes = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    hashes.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return hashes;
}

/** The text's signature, or undefined when it is too short to have a meaningful one. */
export function minhashSignature(text: string): number[] | undefined {
  const hashes = shingleHashes(text);
  if (hashes.size < MIN_SHINGLES) return undefined;
  const signature = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]);
      if (v < signature[i]) signature[i] = v;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the two texts: the share of equal positions. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}
